package org.crisisline.server.pathway;

import java.time.Duration;
import java.util.Objects;

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

    /** {@code value}, if it is a positive duration; otherwise fails naming {@code key}. */
    public static Duration requirePositive(String key, Duration value) {
        Objects.requireNonNull(value, key);
        if (value.isZero() || value.isNegative()) {
            throw new PathwayConfigException(key, "must be positive, was " + value);
        }
        return value;
    }
}
