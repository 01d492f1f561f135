package org.crisisline.telephony.sim;

/**
 * Simulated time for the PBX model: the current instant and one-shot timers. The model never reads
 * the wall clock; a test drives a {@link ManualScheduler}, the running PBX a Vert.x-backed scheduler
 * whose time may run faster than real time.
 *
 * <p>Threading: an implementation runs every task on the one thread that owns the model (the
 * simulated PBX's Vert.x context, or the test thread), and {@link #schedule} is called only there.
 */
public interface SimScheduler {
    /** A scheduled task that has not run yet can be cancelled; cancelling later does nothing. */
    interface Timer {
        void cancel();
    }

    /** Simulated epoch milliseconds. */
    long now();

    /** Runs {@code task} once, {@code delayMillis} of simulated time from now. */
    Timer schedule(long delayMillis, Runnable task);
}
