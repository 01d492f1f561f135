package org.crisisline.server.pathway.outbox;

import java.time.Duration;
import java.util.Objects;
import org.crisisline.server.pathway.PathwayConfigException;

/**
 * How a failed delivery is retried: exponential backoff from {@code initialBackoff}, multiplied by
 * {@code multiplier} per further failure and capped at {@code maxBackoff}; after
 * {@code flagAfterFailures} failures the entry is flagged to clinical leads, and retried still (never
 * dropped). Keys under {@code pathway.outbox.}; a bad value fails with the key in the message.
 */
public record RetryPolicy(Duration initialBackoff, double multiplier, Duration maxBackoff, int flagAfterFailures) {
    public RetryPolicy {
        PathwayConfigException.requirePositive("pathway.outbox.initial-backoff", initialBackoff);
        PathwayConfigException.requirePositive("pathway.outbox.max-backoff", maxBackoff);
        if (!(multiplier >= 1.0) || Double.isInfinite(multiplier)) {
            throw new PathwayConfigException("pathway.outbox.backoff-multiplier", "must be a number of at least 1, was " + multiplier);
        }
        if (maxBackoff.compareTo(initialBackoff) < 0) {
            throw new PathwayConfigException("pathway.outbox.max-backoff", "must not be shorter than the initial backoff");
        }
        if (flagAfterFailures < 1) {
            throw new PathwayConfigException("pathway.outbox.flag-after-failures", "must be at least 1, was " + flagAfterFailures);
        }
    }


    /** The wait after the {@code failures}-th consecutive failure (1-based): initial × multiplier^(failures−1), capped. */
    public Duration backoffAfter(int failures) {
        if (failures < 1) {
            throw new IllegalArgumentException("failures are counted from 1");
        }
        double millis = initialBackoff.toMillis() * Math.pow(multiplier, failures - 1.0);
        if (millis >= maxBackoff.toMillis()) {
            return maxBackoff;
        }
        return Duration.ofMillis((long) millis);
    }
}
