package org.crisisline.queue.model;

import java.util.Objects;

/**
 * Ties a check-in call to its series: which one of how many, and whether this call must tell the
 * person that the series is ending (a series ends by plan and with notice, never abruptly).
 */
public record CheckInRef(String seriesId, int number, int plannedCalls, boolean givesEndingNotice) {
    public CheckInRef {
        Objects.requireNonNull(seriesId, "seriesId");
        if (number < 1 || number > plannedCalls) {
            throw new IllegalArgumentException("check-in " + number + " of " + plannedCalls);
        }
    }

    public boolean isLast() {
        return number == plannedCalls;
    }
}
