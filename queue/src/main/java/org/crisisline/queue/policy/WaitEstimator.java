package org.crisisline.queue.policy;

import java.time.Duration;

/**
 * Estimated wait for a caller joining now, per tier. The method, documented so leads can trust the
 * number they read to callers:
 *
 * <pre>
 *   ahead     = waiting callers who would be served before this one (tier-1 line, then place keys)
 *   queued    = max(0, ahead + 1 - operatives free now)
 *   estimate  = queued * meanHandleTime / max(1, operatives staffed)
 * </pre>
 * where {@code meanHandleTime} is an exponentially weighted mean of talk time plus recovery time of
 * recent calls (smoothing configurable), and "staffed" counts operatives who are logged on and not on
 * a break or in supervision. It is the classic "position times average handle time over agents"
 * estimate: unbiased when operatives free up at a steady rate, pessimistic right after a burst of
 * arrivals, and never negative.
 */
public final class WaitEstimator {
    private final double smoothing;
    private double meanHandleSeconds;

    public WaitEstimator(Duration initialHandleTime, double smoothing) {
        this.smoothing = smoothing;
        this.meanHandleSeconds = initialHandleTime.toMillis() / 1000.0;
    }

    /** Feed the handle time (talk plus recovery) of a call that ended. */
    public void recordHandled(Duration handled) {
        meanHandleSeconds += smoothing * (handled.toMillis() / 1000.0 - meanHandleSeconds);
    }

    /** The running mean, for a core image. */
    public double meanHandleSeconds() {
        return meanHandleSeconds;
    }

    /** Restores the running mean from a core image. */
    public void restoreMeanHandleSeconds(double seconds) {
        this.meanHandleSeconds = seconds;
    }

    public Duration meanHandleTime() {
        return Duration.ofMillis(Math.round(meanHandleSeconds * 1000));
    }

    public Duration estimate(int ahead, int free, int staffed) {
        int queued = Math.max(0, ahead + 1 - free);
        double seconds = queued * meanHandleSeconds / Math.max(1, staffed);
        return Duration.ofMillis(Math.round(seconds * 1000));
    }
}
