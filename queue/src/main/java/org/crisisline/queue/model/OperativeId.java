package org.crisisline.queue.model;

import java.util.Objects;

/** Identifies a first response operative (or a clinical lead taking calls). */
public record OperativeId(String value) implements Comparable<OperativeId> {
    public OperativeId {
        Objects.requireNonNull(value, "value");
        if (value.isBlank()) {
            throw new IllegalArgumentException("an operative id must not be blank");
        }
    }

    public static OperativeId of(String value) {
        return new OperativeId(value);
    }

    @Override
    public int compareTo(OperativeId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
