package org.crisisline.queue.callback;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import org.crisisline.queue.model.CallId;
import org.crisisline.queue.model.CallerRef;
import org.crisisline.queue.model.Language;

/**
 * A series of check-in calls for someone waiting for CMHT therapy: {@code calls} calls, the first due
 * at {@code firstDue}, then every {@code interval}. The last two calls give notice that the series is
 * ending (DOMAIN.md: "a series ends by plan and with notice, never abruptly").
 */
public record CheckInPlan(String seriesId, CallerRef person, Language language, boolean flaggedHighRisk,
                          Instant firstDue, Duration interval, int calls) {
    public CheckInPlan {
        Objects.requireNonNull(seriesId, "seriesId");
        Objects.requireNonNull(person, "person");
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(firstDue, "firstDue");
        Objects.requireNonNull(interval, "interval");
        if (calls < 1) {
            throw new IllegalArgumentException("a check-in series has at least one call");
        }
        if (calls > 1 && (interval.isZero() || interval.isNegative())) {
            throw new IllegalArgumentException("check-ins of a series need a positive interval");
        }
    }

    /** The id of this series' call {@code number} (from 1): known before it is scheduled, so its number can be kept. */
    public CallId callId(int number) {
        return new CallId(seriesId + "/check-in-" + number);
    }

    public Instant dueOf(int number) {
        return firstDue.plus(interval.multipliedBy(number - 1L));
    }
}
