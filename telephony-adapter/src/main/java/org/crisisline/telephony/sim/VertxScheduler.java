package org.crisisline.telephony.sim;

import io.vertx.core.Vertx;

/**
 * Simulated time on Vert.x timers: simulated time starts at {@code startEpochMillis} and runs
 * {@code timeScale} times as fast as real time (2.0 means a 60 s patience lasts 30 real seconds).
 *
 * <p>Threading: timers fire on the context that scheduled them, so create and use it only on the
 * simulated PBX's own context.
 */
final class VertxScheduler implements SimScheduler {
    private final Vertx vertx;
    private final long startEpochMillis;
    private final long startNanos;
    private final double timeScale;

    VertxScheduler(Vertx vertx, long startEpochMillis, double timeScale) {
        this.vertx = vertx;
        this.startEpochMillis = startEpochMillis;
        this.startNanos = System.nanoTime();
        this.timeScale = timeScale;
    }

    @Override
    public long now() {
        return startEpochMillis + (long) ((System.nanoTime() - startNanos) / 1_000_000.0 * timeScale);
    }

    @Override
    public Timer schedule(long delayMillis, Runnable task) {
        long realDelay = Math.max(1, Math.round(delayMillis / timeScale));
        long id = vertx.setTimer(realDelay, ignored -> task.run());
        return () -> vertx.cancelTimer(id);
    }
}
