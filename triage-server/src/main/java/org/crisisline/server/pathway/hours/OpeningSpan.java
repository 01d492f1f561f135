package org.crisisline.server.pathway.hours;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.Objects;

/**
 * One weekly opening, in local (wall-clock) time: opens on {@code day} at {@code opens} and closes at
 * {@code closes}, on the same day when {@code closes} is later, otherwise on the next day (an overnight
 * span such as Friday 18:00–02:00). A span that closes when it opens would be 0 h or 24 h: ambiguous,
 * so refused.
 */
public record OpeningSpan(DayOfWeek day, LocalTime opens, LocalTime closes) {
    public OpeningSpan {
        Objects.requireNonNull(day, "day");
        Objects.requireNonNull(opens, "opens");
        Objects.requireNonNull(closes, "closes");
        if (opens.equals(closes)) {
            throw new IllegalArgumentException("a span that closes when it opens is ambiguous: " + day + " " + opens);
        }
    }

    public static OpeningSpan of(DayOfWeek day, String opens, String closes) {
        return new OpeningSpan(day, LocalTime.parse(opens), LocalTime.parse(closes));
    }

    /** Closes after midnight, on the next day. */
    public boolean isOvernight() {
        return closes.isBefore(opens);
    }

    @Override
    public String toString() {
        return day + " " + opens + "–" + closes;
    }
}
