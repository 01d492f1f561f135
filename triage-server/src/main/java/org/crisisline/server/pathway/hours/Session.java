package org.crisisline.server.pathway.hours;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.Objects;

/**
 * One concrete opening: from {@code start} (inclusive) to {@code end} (exclusive), in the service's
 * time zone. Its {@link #serviceDate()} is the local date it opened on, so a Friday-night session that
 * runs into Saturday still counts as Friday's evening (for capacity and for dated closures).
 */
public record Session(ZonedDateTime start, ZonedDateTime end) implements Comparable<Session> {
    public Session {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        if (!end.isAfter(start)) {
            throw new IllegalArgumentException("a session ends after it starts: " + start + " " + end);
        }
    }

    public LocalDate serviceDate() {
        return start.toLocalDate();
    }

    public boolean contains(Instant instant) {
        return !instant.isBefore(start.toInstant()) && instant.isBefore(end.toInstant());
    }

    @Override
    public int compareTo(Session other) {
        return start.toInstant().compareTo(other.start.toInstant());
    }
}
