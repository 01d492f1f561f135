package org.crisisline.server.history;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.crisisline.queue.model.CallId;

/**
 * Whether a call's caller had been in touch before, and how recently: what leads watch as repeat callers
 * (DOMAIN.md, "What clinical leads watch"). Judged from the caller's history as it was before the call's own
 * contact was recorded. Pure.
 */
public enum RepeatContact {
    FIRST,
    WITHIN_7_DAYS,
    WITHIN_30_DAYS,
    EARLIER;

    /**
     * How {@code call}, at {@code now}, stands against the caller's {@code history}; empty if the history
     * already holds this call (its outcome was sent before), so that nothing is counted twice.
     */
    public static Optional<RepeatContact> of(List<Contact> history, CallId call, Instant now) {
        if (history.stream().anyMatch(contact -> contact.call().equals(call))) {
            return Optional.empty();
        }
        return Optional.of(history.stream().map(Contact::at).filter(at -> !at.isAfter(now))
                .max(Comparator.naturalOrder())
                .map(last -> Duration.between(last, now))
                .map(since -> since.compareTo(Duration.ofDays(7)) <= 0 ? WITHIN_7_DAYS
                        : since.compareTo(Duration.ofDays(30)) <= 0 ? WITHIN_30_DAYS : EARLIER)
                .orElse(FIRST));
    }
}
