package org.crisisline.server.pathway.cafe;

import java.util.Objects;

/** Identifies a crisis café in the directory. */
public record CafeId(String value) implements Comparable<CafeId> {
    public CafeId {
        Objects.requireNonNull(value, "value");
        if (value.isBlank()) {
            throw new IllegalArgumentException("a café id must not be blank");
        }
    }

    public static CafeId of(String value) {
        return new CafeId(value);
    }

    @Override
    public int compareTo(CafeId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
