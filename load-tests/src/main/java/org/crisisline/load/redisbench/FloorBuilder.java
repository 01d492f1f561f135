package org.crisisline.load.redisbench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.crisisline.queue.command.QueueCommand;
import org.crisisline.queue.store.QueueStore;

/**
 * Builds the measured state through one node: 2,000 operatives log on, 2,000 callers join and are
 * answered (every operative busy but the one the tier-1 reserve may keep free), then 10,000 callers
 * join and wait. Commands go {@code inFlight} at a time; outcomes go to the {@link FloorLedger}.
 */
final class FloorBuilder {
    static final int OPERATIVES = 2_000;
    static final int WAITING = 10_000;

    private final QueueStore node;
    private final Crowd crowd;
    private final FloorLedger ledger;
    private final int inFlight;

    FloorBuilder(QueueStore node, Crowd crowd, FloorLedger ledger, int inFlight) {
        this.node = node;
        this.crowd = crowd;
        this.ledger = ledger;
        this.inFlight = inFlight;
    }

    /** Builds the floor; fails if any command failed. */
    void build() {
        List<Supplier<QueueCommand>> logOns = new ArrayList<>();
        for (int i = 0; i < OPERATIVES; i++) {
            int n = i;
            logOns.add(() -> new QueueCommand.LogOn(Crowd.operative(n), crowd.skills()));
        }
        runAll(logOns);
        runAll(arrivals(OPERATIVES));
        runAll(arrivals(WAITING));
    }

    private List<Supplier<QueueCommand>> arrivals(int count) {
        List<Supplier<QueueCommand>> joins = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            joins.add(() -> new QueueCommand.Enqueue(crowd.caller()));
        }
        return joins;
    }

    /** Sends the commands in order, at most {@code inFlight} (with their follow-ups) at a time. */
    private void runAll(List<Supplier<QueueCommand>> commands) {
        AtomicInteger next = new AtomicInteger();
        List<CompletableFuture<Void>> lanes = new ArrayList<>();
        for (int i = 0; i < inFlight; i++) {
            CompletableFuture<Void> lane = new CompletableFuture<>();
            lanes.add(lane);
            sendNext(commands, next, lane);
        }
        CompletableFuture.allOf(lanes.toArray(CompletableFuture[]::new)).join();
    }

    private void sendNext(List<Supplier<QueueCommand>> commands, AtomicInteger next, CompletableFuture<Void> lane) {
        int index = next.getAndIncrement();
        if (index >= commands.size()) {
            lane.complete(null);
            return;
        }
        node.execute(commands.get(index).get())
                .thenCompose(outcome -> ledger.absorb(node, outcome))
                .whenComplete((assignments, failure) -> {
                    if (failure != null) {
                        lane.completeExceptionally(failure);
                    } else {
                        sendNext(commands, next, lane);
                    }
                });
    }
}
