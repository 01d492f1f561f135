package org.crisisline.telephony.ami;

import java.time.Duration;

/**
 * Reconnect delays: {@code initial}, doubling per failed attempt, capped at {@code max}. No jitter:
 * one link per PBX, so there is no herd to spread. Pure value.
 */
record Backoff(Duration initial, Duration max) {
    Duration delay(int failedAttempts) {
        long millis = initial.toMillis();
        for (int i = 0; i < failedAttempts && millis < max.toMillis(); i++) {
            millis *= 2;
        }
        return Duration.ofMillis(Math.min(millis, max.toMillis()));
    }
}
