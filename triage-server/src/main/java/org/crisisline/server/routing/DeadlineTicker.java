package org.crisisline.server.routing;

import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import org.crisisline.queue.command.QueueCommand;

/**
 * Runs a {@link QueueCommand.Tick} at the queue's next deadline: the in-memory store does not
 * schedule its own ticks. Harmless beside a store that does (a tick with nothing due changes nothing).
 * One Vert.x timer at a time, moved when the deadline moves; simulated time ({@code timeScale} above 1)
 * shortens the real wait.
 *
 * <p>Threading: call {@link #deadlineIs} on the owning verticle's context only.
 */
public final class DeadlineTicker {
    private final Vertx vertx;
    private final Clock clock;
    private final double timeScale;
    private final Consumer<QueueCommand> execute;
    private Instant scheduled;
    private long timer = -1;

    public DeadlineTicker(Vertx vertx, Clock clock, double timeScale, Consumer<QueueCommand> execute) {
        this.vertx = Objects.requireNonNull(vertx, "vertx");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.timeScale = timeScale;
        this.execute = Objects.requireNonNull(execute, "execute");
    }

    /** The store's next deadline is {@code next}: (re)arm the timer for it, or disarm it. */
    public void deadlineIs(Optional<Instant> next) {
        if (next.map(at -> at.equals(scheduled)).orElse(scheduled == null)) {
            return;
        }
        cancel();
        next.ifPresent(at -> {
            long millis = Math.max(1, (long) (Duration.between(clock.instant(), at).toMillis() / timeScale) + 1);
            scheduled = at;
            timer = vertx.setTimer(millis, id -> {
                timer = -1;
                scheduled = null;
                execute.accept(new QueueCommand.Tick());
            });
        });
    }

    public void cancel() {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
        }
        timer = -1;
        scheduled = null;
    }
}
