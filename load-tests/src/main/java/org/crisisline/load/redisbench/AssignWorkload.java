package org.crisisline.load.redisbench;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.crisisline.queue.command.QueueCommand;
import org.crisisline.queue.model.CallId;
import org.crisisline.queue.store.QueueStore;

/**
 * Measured: a connected call ends ({@link QueueCommand.EndCall}); its operative is free and, in the same
 * command, the core assigns the next waiting caller. Unmeasured follow-ups: every assigned call is
 * answered ({@link QueueCommand.MarkConnected}), so operatives stay busy, and a new caller joins
 * ({@link QueueCommand.Enqueue}), so the line stays at about 10,000.
 */
final class AssignWorkload implements Workload {
    private final Crowd crowd;
    private final FloorLedger ledger;

    AssignWorkload(Crowd crowd, FloorLedger ledger) {
        this.crowd = crowd;
        this.ledger = ledger;
    }

    @Override
    public String name() {
        return "assign";
    }

    @Override
    public CompletionStage<Cycle> cycle(QueueStore node) {
        CallId ending = ledger.takeConnected();
        if (ending == null) {
            return CompletableFuture.failedFuture(new IllegalStateException("no connected call left to end"));
        }
        long start = System.nanoTime();
        return node.execute(new QueueCommand.EndCall(ending)).thenCompose(outcome -> {
            long latency = System.nanoTime() - start;
            CompletableFuture<Integer> answered = ledger.absorb(node, outcome).toCompletableFuture();
            CompletableFuture<Integer> replaced = node.execute(new QueueCommand.Enqueue(crowd.caller()))
                    .thenCompose(joined -> ledger.absorb(node, joined)).toCompletableFuture();
            return answered.thenCombine(replaced, (assignments, ignored) -> new Cycle(latency, assignments));
        });
    }
}
