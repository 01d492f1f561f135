package org.crisisline.load.redisbench;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.crisisline.queue.command.QueueCommand;
import org.crisisline.queue.event.Outcome;
import org.crisisline.queue.model.CallId;
import org.crisisline.queue.store.QueueStore;

/**
 * Measured: a new caller joins ({@link QueueCommand.Enqueue}). Unmeasured follow-up: the caller who has
 * waited longest hangs up ({@link QueueCommand.EndCall}), so the line stays at about 10,000.
 */
final class EnqueueWorkload implements Workload {
    private final Crowd crowd;
    private final FloorLedger ledger;

    EnqueueWorkload(Crowd crowd, FloorLedger ledger) {
        this.crowd = crowd;
        this.ledger = ledger;
    }

    @Override
    public String name() {
        return "enqueue";
    }

    @Override
    public CompletionStage<Cycle> cycle(QueueStore node) {
        QueueCommand.Enqueue join = new QueueCommand.Enqueue(crowd.caller());
        long start = System.nanoTime();
        return node.execute(join).thenCompose(outcome -> {
            long latency = System.nanoTime() - start;
            return ledger.absorb(node, outcome)
                    .thenCompose(assignments -> hangUpOldest(node).thenApply(v -> new Cycle(latency, assignments)));
        });
    }

    private CompletionStage<Void> hangUpOldest(QueueStore node) {
        CallId oldest = ledger.takeOldestWaiting();
        if (oldest == null) {
            return CompletableFuture.completedFuture(null);
        }
        return node.execute(new QueueCommand.EndCall(oldest))
                .thenCompose((Outcome outcome) -> ledger.absorb(node, outcome))
                .thenApply(assignments -> null);
    }
}
