package org.crisisline.server.auth;

/** A security setting with a bad value: start-up must fail and the message names the key (never the value of a secret). */
public final class AuthConfigException extends IllegalArgumentException {
    private final String key;

    public AuthConfigException(String key, String problem) {
        super("security setting '" + key + "' " + problem);
        this.key = key;
    }

    public String key() {
        return key;
    }
}
