package org.crisisline.queue.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import org.crisisline.queue.callback.CallbackSlot;
import org.crisisline.queue.command.QueueCommand;
import org.crisisline.queue.core.QueueSnapshot;
import org.crisisline.queue.event.Outcome;
import org.crisisline.queue.model.CallId;
import org.crisisline.queue.policy.CallbackOfferRule;

/**
 * Where the queue's state lives: in memory for one node (the embedded default), or in Redis for
 * several nodes and restarts. Every implementation passes the same contract tests.
 *
 * <p>Contract: {@link #execute} applies a command atomically — no other command on any node sees
 * it half done — and idempotently: a repeated command returns an applied outcome with no events.
 * Stages may complete on any thread; callers must not block on them from an event loop. A store
 * that cannot reach its backend fails the stage with a {@link QueueStoreException} within its
 * configured timeout; nothing is half applied.
 */
public interface QueueStore extends AutoCloseable {
    CompletionStage<Outcome> execute(QueueCommand command);

    /** What leads watch; the waiting list is capped at {@code waitingLimit} callers. */
    CompletionStage<QueueSnapshot> snapshot(int waitingLimit);

    CompletionStage<List<CallbackSlot>> offerSlots();

    CompletionStage<CallbackOfferRule.Decision> callbackOffer(CallId call, boolean riskQuestionPassed);

    /** When the store next needs a {@link QueueCommand.Tick}, if ever. */
    CompletionStage<Optional<Instant>> nextDeadline();

    /** Healthy, or degraded with the reason (backend unreachable or slow). */
    StoreHealth health();

    @Override
    void close();
}
