package org.crisisline.load.redisbench;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * What one node's driver recorded in the measured window of a phase: the latency of every measured
 * command started in the window (µs, 3 significant digits), how many assignments their outcomes held,
 * how many held none, and failures. Thread-safe.
 */
final class NodeStats {
    private static final long HIGHEST_MICROS = 60_000_000;

    private final ConcurrentHistogram latencyMicros = new ConcurrentHistogram(1, HIGHEST_MICROS, 3);
    private final AtomicLong assignments = new AtomicLong();
    private final AtomicLong withoutAssignment = new AtomicLong();
    private final AtomicLong failures = new AtomicLong();
    private final AtomicLong lastCompletionNanos = new AtomicLong();
    private final AtomicReference<String> firstFailure = new AtomicReference<>();

    void record(Workload.Cycle cycle) {
        latencyMicros.recordValue(Math.min(HIGHEST_MICROS, Math.max(1, cycle.latencyNanos() / 1_000)));
        assignments.addAndGet(cycle.assignments());
        if (cycle.assignments() == 0) {
            withoutAssignment.incrementAndGet();
        }
        lastCompletionNanos.accumulateAndGet(System.nanoTime(), Math::max);
    }

    void failed(Throwable failure) {
        failures.incrementAndGet();
        firstFailure.compareAndSet(null, String.valueOf(failure));
    }

    Histogram histogram() {
        return latencyMicros.copy();
    }

    long assignments() {
        return assignments.get();
    }

    long withoutAssignment() {
        return withoutAssignment.get();
    }

    long failures() {
        return failures.get();
    }

    /** The first failure's message, or null. */
    String firstFailure() {
        return firstFailure.get();
    }

    long lastCompletionNanos() {
        return lastCompletionNanos.get();
    }
}
