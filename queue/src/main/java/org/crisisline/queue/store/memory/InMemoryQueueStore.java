package org.crisisline.queue.store.memory;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;
import org.crisisline.queue.callback.CallbackSlot;
import org.crisisline.queue.command.QueueCommand;
import org.crisisline.queue.config.QueueConfig;
import org.crisisline.queue.core.QueueCore;
import org.crisisline.queue.core.QueueSnapshot;
import org.crisisline.queue.event.Outcome;
import org.crisisline.queue.model.CallId;
import org.crisisline.queue.policy.CallbackOfferRule;
import org.crisisline.queue.store.QueueStore;
import org.crisisline.queue.store.QueueStoreException;
import org.crisisline.queue.store.StoreHealth;

/**
 * The embedded default: one {@link QueueCore} in this JVM, its commands serialised by a lock (the
 * core is single-writer). Stages complete before the method returns. Nothing survives a restart of
 * the process: run the Redis store for that.
 */
public final class InMemoryQueueStore implements QueueStore {
    private final QueueCore core;
    private final Instant since;
    private boolean closed;

    public InMemoryQueueStore(QueueConfig config, Clock clock) {
        this.core = new QueueCore(config, clock);
        this.since = clock.instant();
    }

    @Override
    public CompletionStage<Outcome> execute(QueueCommand command) {
        return locked(() -> command.applyTo(core));
    }

    @Override
    public CompletionStage<QueueSnapshot> snapshot(int waitingLimit) {
        return locked(() -> core.snapshot(waitingLimit));
    }

    @Override
    public CompletionStage<List<CallbackSlot>> offerSlots() {
        return locked(core::offerSlots);
    }

    @Override
    public CompletionStage<CallbackOfferRule.Decision> callbackOffer(CallId call, boolean riskQuestionPassed) {
        return locked(() -> core.callbackOffer(call, riskQuestionPassed));
    }

    @Override
    public CompletionStage<Optional<Instant>> nextDeadline() {
        return locked(core::nextDeadline);
    }

    /** Always healthy while open: there is no backend to lose. */
    @Override
    public synchronized StoreHealth health() {
        return closed ? StoreHealth.degraded("closed", since) : StoreHealth.healthy(since);
    }

    @Override
    public synchronized void close() {
        closed = true;
    }

    private synchronized <T> CompletionStage<T> locked(Supplier<T> work) {
        if (closed) {
            return CompletableFuture.failedFuture(new QueueStoreException("the in-memory queue store is closed"));
        }
        try {
            return CompletableFuture.completedFuture(work.get());
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }
}
