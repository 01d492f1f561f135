package org.crisisline.queue.core;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.PriorityQueue;

/**
 * Deadlines the core must act on: recoveries ending, callbacks and check-ins falling due, waits
 * crossing a threshold. A timer never carries state of its own; when it fires, the core checks that
 * what it was set for still holds, so a stale timer does nothing. Ordered by time, then by the
 * order they were set, so a replayed day fires them identically.
 */
final class Timers {
    enum Kind {
        /** An operative's recovery time is over. */
        RECOVERY_ENDS,
        /** A scheduled callback, retry or check-in enters the queue. */
        CALL_DUE,
        /** A wait crossed a threshold the policy cares about (language wait, answer target, interrupt point). */
        RECHECK,
        /** A tier-1 caller has waited past the target: alert the lead. */
        TIER_ONE_OVERDUE,
        /** An agent-first call was not tried by its on-time deadline: alert the lead. */
        CALLBACK_OVERDUE
    }

    record Timer(Instant at, long sequence, Kind kind, String ref) {
    }

    private final PriorityQueue<Timer> queue = new PriorityQueue<>((a, b) -> {
        int byTime = a.at().compareTo(b.at());
        return byTime != 0 ? byTime : Long.compare(a.sequence(), b.sequence());
    });
    private long sequence;

    void set(Instant at, Kind kind, String ref) {
        queue.add(new Timer(at, sequence++, kind, ref));
    }

    /** Removes and returns every timer due at or before {@code now}, in firing order. */
    List<Timer> due(Instant now) {
        List<Timer> due = new ArrayList<>();
        while (!queue.isEmpty() && !queue.peek().at().isAfter(now)) {
            due.add(queue.poll());
        }
        return due;
    }

    /** Every pending timer in firing order, and the next sequence number, for a core image. */
    List<Timer> pending() {
        List<Timer> all = new ArrayList<>(queue);
        all.sort(queue.comparator());
        return all;
    }

    long nextSequence() {
        return sequence;
    }

    void restore(List<Timer> timers, long nextSequence) {
        queue.clear();
        queue.addAll(timers);
        sequence = nextSequence;
    }

    Optional<Instant> next() {
        return Optional.ofNullable(queue.peek()).map(Timer::at);
    }

    int size() {
        return queue.size();
    }
}
