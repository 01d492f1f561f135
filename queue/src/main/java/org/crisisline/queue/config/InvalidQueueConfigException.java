package org.crisisline.queue.config;

/** A queue setting with a bad value: start-up must fail and say which key. */
public final class InvalidQueueConfigException extends IllegalArgumentException {
    private final String key;

    public InvalidQueueConfigException(String key, String problem) {
        super("queue setting '" + key + "' " + problem);
        this.key = key;
    }

    public String key() {
        return key;
    }
}
