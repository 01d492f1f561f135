package org.crisisline.queue.model;

import java.util.Objects;

/** Identifies one call (for a live call, the PBX's Linkedid); every command on it is idempotent by this id. */
public record CallId(String value) implements Comparable<CallId> {
    public CallId {
        Objects.requireNonNull(value, "value");
        if (value.isBlank()) {
            throw new IllegalArgumentException("a call id must not be blank");
        }
    }

    public static CallId of(String value) {
        return new CallId(value);
    }

    @Override
    public int compareTo(CallId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
