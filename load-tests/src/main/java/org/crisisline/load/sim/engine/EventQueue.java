package org.crisisline.load.sim.engine;

import java.time.Instant;
import java.util.Comparator;
import java.util.PriorityQueue;

/**
 * The simulation's future: events ordered by time, and events at the same instant in the order they
 * were scheduled, so a replayed day handles them identically. Not thread-safe.
 */
final class EventQueue {
    private record Scheduled(Instant at, long sequence, SimEvent event) {
    }

    private final PriorityQueue<Scheduled> queue = new PriorityQueue<>(
            Comparator.comparing(Scheduled::at).thenComparingLong(Scheduled::sequence));
    private long sequence;

    void schedule(Instant at, SimEvent event) {
        queue.add(new Scheduled(at, sequence++, event));
    }

    boolean isEmpty() {
        return queue.isEmpty();
    }

    /** When the next event is due; only when not {@link #isEmpty()}. */
    Instant nextAt() {
        return queue.element().at();
    }

    SimEvent poll() {
        return queue.remove().event();
    }
}
