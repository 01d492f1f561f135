package org.crisisline.telephony.sim;

import java.time.Duration;
import java.util.PriorityQueue;

/**
 * A discrete-event scheduler advanced by hand: {@link #advance} runs every due task in time order
 * (ties in the order they were scheduled), setting the clock to each task's instant. Deterministic,
 * so a test or a load simulation can replay any day exactly.
 *
 * <p>Not thread-safe: one thread drives it.
 */
public final class ManualScheduler implements SimScheduler {
    private final PriorityQueue<Entry> queue = new PriorityQueue<>();
    private long now;
    private long sequence;

    public ManualScheduler(long startEpochMillis) {
        this.now = startEpochMillis;
    }

    @Override
    public long now() {
        return now;
    }

    @Override
    public Timer schedule(long delayMillis, Runnable task) {
        Entry entry = new Entry(now + Math.max(0, delayMillis), sequence++, task);
        queue.add(entry);
        return () -> entry.cancelled = true;
    }

    /** Runs everything due within {@code duration} from now, then sets the clock to its end. */
    public void advance(Duration duration) {
        long until = now + duration.toMillis();
        while (!queue.isEmpty() && queue.peek().due <= until) {
            Entry entry = queue.poll();
            now = Math.max(now, entry.due);
            if (!entry.cancelled) {
                entry.task.run();
            }
        }
        now = until;
    }

    /** How many tasks are waiting (cancelled ones included until their time passes). */
    public int pending() {
        return queue.size();
    }

    private static final class Entry implements Comparable<Entry> {
        final long due;
        final long order;
        final Runnable task;
        boolean cancelled;

        Entry(long due, long order, Runnable task) {
            this.due = due;
            this.order = order;
            this.task = task;
        }

        @Override
        public int compareTo(Entry other) {
            int byTime = Long.compare(due, other.due);
            return byTime != 0 ? byTime : Long.compare(order, other.order);
        }
    }
}
