package org.crisisline.load.redisbench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import org.crisisline.queue.store.QueueStore;

/**
 * Runs a workload on every node at once, closed loop: each node has {@code inFlight} slots, each slot
 * starts its next cycle when the previous one (measured command and follow-ups) is done. A warm-up,
 * not recorded, then a measured window: cycles started inside it are recorded, and none is started
 * after it. Closed loop means the latency includes queueing behind the other in-flight commands of the
 * same node: it is the latency at that concurrency, not at an open arrival rate. Failures are counted
 * over the whole phase, warm-up included.
 */
final class ClosedLoopDriver {
    private static final Executor RETRY_LATER = CompletableFuture.delayedExecutor(1, TimeUnit.MILLISECONDS);

    private final List<? extends QueueStore> nodes;
    private final int inFlight;

    ClosedLoopDriver(List<? extends QueueStore> nodes, int inFlight) {
        this.nodes = List.copyOf(nodes);
        this.inFlight = inFlight;
    }

    /** Runs the phase and returns one {@link NodeStats} per node, in node order, with the window's length. */
    PhaseResult run(Workload workload, long warmupNanos, long measureNanos) {
        long measureFrom = System.nanoTime() + warmupNanos;
        long measureUntil = measureFrom + measureNanos;
        List<NodeStats> stats = new ArrayList<>();
        List<CompletableFuture<Void>> slots = new ArrayList<>();
        for (QueueStore node : nodes) {
            NodeStats nodeStats = new NodeStats();
            stats.add(nodeStats);
            for (int i = 0; i < inFlight; i++) {
                CompletableFuture<Void> done = new CompletableFuture<>();
                slots.add(done);
                next(node, workload, nodeStats, measureFrom, measureUntil, done);
            }
        }
        CompletableFuture.allOf(slots.toArray(CompletableFuture[]::new)).join();
        return new PhaseResult(workload.name(), stats, measureFrom, measureNanos);
    }

    private void next(QueueStore node, Workload workload, NodeStats stats, long measureFrom, long measureUntil,
                      CompletableFuture<Void> done) {
        long start = System.nanoTime();
        if (start >= measureUntil) {
            done.complete(null);
            return;
        }
        boolean measured = start >= measureFrom;
        workload.cycle(node).whenComplete((cycle, failure) -> {
            if (failure != null) {
                stats.failed(failure);
                RETRY_LATER.execute(() -> next(node, workload, stats, measureFrom, measureUntil, done));
                return;
            }
            if (measured) {
                stats.record(cycle);
            }
            next(node, workload, stats, measureFrom, measureUntil, done);
        });
    }

    /**
     * One phase's results.
     *
     * @param measureFromNanos  {@link System#nanoTime()} at the start of the measured window
     * @param measureNanos      the window's length; throughput is over the window up to the last recorded completion
     */
    record PhaseResult(String workload, List<NodeStats> nodes, long measureFromNanos, long measureNanos) {
        /** Seconds from the window's start to the last recorded completion (at least the window). */
        double seconds(NodeStats node) {
            long end = Math.max(measureFromNanos + measureNanos, node.lastCompletionNanos());
            return (end - measureFromNanos) / 1e9;
        }
    }
}
