package org.crisisline.server.testing;

import io.vertx.core.Future;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/** Waiting, from a test's own thread, for what the server does on its event loops. */
public final class Waiting {
    private Waiting() {
    }

    /** Polls {@code condition} every 20 ms until it holds; fails after {@code patience}. */
    public static void until(BooleanSupplier condition, Duration patience) {
        long deadline = System.nanoTime() + patience.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not so within " + patience);
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    /** The future's result; its failure, or no result within {@code patience}, as an {@link AssertionError}. */
    public static <T> T await(Future<T> future, Duration patience) {
        try {
            return future.await(patience.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
