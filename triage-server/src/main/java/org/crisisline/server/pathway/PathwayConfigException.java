package org.crisisline.server.pathway;

/** A pathway setting with a bad value: start-up must fail and the message names the key. */
public final class PathwayConfigException extends IllegalArgumentException {
    private final String key;

    public PathwayConfigException(String key, String problem) {
        super("pathway setting '" + key + "' " + problem);
        this.key = key;
    }

    public String key() {
        return key;
    }
}
