package org.crisisline.server.http;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.crisisline.queue.command.QueueCommand;
import org.crisisline.queue.core.QueueSnapshot;
import org.crisisline.queue.event.Outcome;
import org.crisisline.queue.event.QueueEvent;
import org.crisisline.queue.model.Call;
import org.crisisline.queue.model.CallId;
import org.crisisline.queue.model.Operative;
import org.crisisline.queue.model.OperativeId;
import org.crisisline.queue.store.QueueStore;
import org.crisisline.queue.store.StoreHealth;
import org.crisisline.server.auth.web.ApiError;
import org.crisisline.server.callback.CallbackNumbers;
import org.crisisline.server.metrics.CrisislineMetrics;

/**
 * The API's way into the {@link QueueStore}: commands and snapshots as Vert.x futures completed on the
 * caller's context, each with a timeout (the store may be Redis), the events of every command counted in
 * {@link CrisislineMetrics}, the kept number of every call a command ended forgotten (as the routing does for
 * its own commands), and a store failure turned into 503 {@code queue-unavailable}. A refused
 * command is a value ({@link Outcome.Rejected}); {@link #refusal} maps it to an {@link ApiError}.
 * Thread-safe; call from an event loop.
 */
public final class QueueAccess {
    /** How many waiting callers a snapshot for the API lists. */
    public static final int WAITING_LIMIT = 200;
    private static final Duration TIMEOUT = Duration.ofSeconds(3);

    private final Vertx vertx;
    private final QueueStore store;
    private final CrisislineMetrics metrics;
    private final CallbackNumbers numbers;

    public QueueAccess(Vertx vertx, QueueStore store, CrisislineMetrics metrics, CallbackNumbers numbers) {
        this.vertx = Objects.requireNonNull(vertx, "vertx");
        this.store = Objects.requireNonNull(store, "store");
        this.metrics = Objects.requireNonNull(metrics, "metrics");
        this.numbers = Objects.requireNonNull(numbers, "numbers");
    }

    public Future<Outcome> execute(QueueCommand command) {
        return guarded(Future.fromCompletionStage(store.execute(command), vertx.getOrCreateContext()))
                .onSuccess(outcome -> metrics.recordEvents(outcome.events()))
                .compose(outcome -> Future.all(outcome.events().stream()
                                .flatMap(event -> QueueEvent.callEndedBy(event).stream())
                                .map(ended -> Future.fromCompletionStage(numbers.forget(ended),
                                        vertx.getOrCreateContext()))
                                .toList())
                        .map(outcome));
    }

    /** A snapshot listing the first {@value #WAITING_LIMIT} waiting callers. */
    public Future<QueueSnapshot> snapshot() {
        return snapshot(WAITING_LIMIT);
    }

    /** A snapshot listing every waiting caller, to find one call wherever it waits. */
    public Future<QueueSnapshot> fullSnapshot() {
        return snapshot(Integer.MAX_VALUE);
    }

    private Future<QueueSnapshot> snapshot(int waitingLimit) {
        return guarded(Future.fromCompletionStage(store.snapshot(waitingLimit), vertx.getOrCreateContext()));
    }

    /** The store's own health, read without waiting. */
    public StoreHealth health() {
        return store.health();
    }

    /** A call that is still open (waiting, offered, connected or scheduled), if the snapshot lists it. */
    public static Optional<Call> openCall(QueueSnapshot snapshot, CallId id) {
        return Stream.concat(snapshot.waiting().stream(), snapshot.otherOpen().stream())
                .filter(call -> call.id().equals(id))
                .findFirst();
    }

    public static Optional<Operative> operative(QueueSnapshot snapshot, OperativeId id) {
        return snapshot.operatives().stream()
                .map(QueueSnapshot.OperativeLoad::operative)
                .filter(operative -> operative.id().equals(id))
                .findFirst();
    }

    /** The HTTP refusal for a command the queue refused. */
    public static ApiError refusal(Outcome.Rejected rejected) {
        String code = rejected.reason().name().toLowerCase(Locale.ROOT).replace('_', '-');
        int status = switch (rejected.reason()) {
            case UNKNOWN_CALL, UNKNOWN_OPERATIVE -> 404;
            case CALL_ENDED, WRONG_STATE, DUPLICATE_SERIES, SLOT_FULL -> 409;
            default -> 422;
        };
        return new ApiError(status, code, rejected.detail().isBlank() ? "The queue refused this." : rejected.detail());
    }

    private <T> Future<T> guarded(Future<T> work) {
        return work.timeout(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
                .recover(failure -> Future.failedFuture(failure instanceof ApiError ? failure
                        : new ApiError(503, "queue-unavailable", "The queue cannot be reached; try again.")));
    }
}
