package org.crisisline.server.audit;

/** An audit setting with a bad value: start-up must fail; the message names the key, never a secret's value. */
public final class AuditConfigException extends IllegalArgumentException {
    private final String key;

    public AuditConfigException(String key, String problem) {
        super("audit setting '" + key + "' " + problem);
        this.key = key;
    }

    public String key() {
        return key;
    }
}
