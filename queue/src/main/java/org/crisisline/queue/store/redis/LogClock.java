package org.crisisline.queue.store.redis;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The replica's clock: while a log entry is applied it reads that entry's logical time, so every
 * node applying the log computes exactly the same thing. Set by the store's context only.
 */
final class LogClock extends Clock {
    private volatile Instant now = Instant.EPOCH;

    void set(Instant instant) {
        now = instant;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    @Override
    public Instant instant() {
        return now;
    }
}
