package org.crisisline.queue.store.redis;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/** Waits for a condition on a store's state, checking it every few milliseconds, for a bounded time. */
final class Poll {
    private static final long INTERVAL_NANOS = Duration.ofMillis(10).toNanos();

    private Poll() {
    }

    static void until(Duration limit, String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + limit + ": " + what);
            }
            LockSupport.parkNanos(INTERVAL_NANOS);
        }
    }
}
