package org.crisisline.server.pathway.cmht;

import java.util.Objects;

/** Identifies a Community Mental Health Team in the directory (the admin's key, e.g. "leeds-west"). */
public record TeamId(String value) implements Comparable<TeamId> {
    public TeamId {
        Objects.requireNonNull(value, "value");
        if (value.isBlank()) {
            throw new IllegalArgumentException("a team id must not be blank");
        }
    }

    public static TeamId of(String value) {
        return new TeamId(value);
    }

    @Override
    public int compareTo(TeamId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
