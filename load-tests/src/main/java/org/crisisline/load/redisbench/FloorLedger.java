package org.crisisline.load.redisbench;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import org.crisisline.queue.command.QueueCommand;
import org.crisisline.queue.event.Outcome;
import org.crisisline.queue.event.QueueEvent;
import org.crisisline.queue.model.CallId;
import org.crisisline.queue.store.QueueStore;

/**
 * The driver's picture of the floor, shared by the drivers of every node: which calls are connected (so
 * one can be ended), which callers wait (oldest first, so one can abandon), and every call that any
 * outcome assigned. It plays the telephony side: every assigned call is answered at once
 * ({@link QueueCommand.MarkConnected}, through the node whose outcome named it).
 *
 * <p>Outcomes may arrive out of log order (a node delivers an outcome once it has both applied the entry
 * and heard Redis's reply to the append), so a caller's assignment can be seen before their queueing:
 * a caller already assigned is not counted as waiting.
 *
 * <p>Invariant checked: no call is assigned twice across all outcomes the driver saw. Thread-safe.
 */
final class FloorLedger {
    private final ConcurrentLinkedQueue<CallId> connected = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedDeque<CallId> waitingOrder = new ConcurrentLinkedDeque<>();
    private final Set<CallId> waiting = ConcurrentHashMap.newKeySet();
    private final Set<CallId> assigned = ConcurrentHashMap.newKeySet();
    private final Set<CallId> gone = ConcurrentHashMap.newKeySet();
    private final AtomicLong doubleAssignments = new AtomicLong();
    private final AtomicLong refusals = new AtomicLong();

    /** A connected call to end, or null if none is (the caller must not end it twice). */
    CallId takeConnected() {
        return connected.poll();
    }

    /** The caller who has waited longest (as far as the driver saw), now no longer counted as waiting; null if none. */
    synchronized CallId takeOldestWaiting() {
        CallId call;
        while ((call = waitingOrder.poll()) != null) {
            if (waiting.remove(call)) {
                return call;
            }
        }
        return null;
    }

    /**
     * Takes in an outcome from {@code node}: queued callers join the waiting picture, assigned calls are
     * recorded and answered through the same node. Completes when those answers have been applied, with
     * the number of {@link QueueEvent.OperativeAssigned} events the outcome held.
     */
    CompletionStage<Integer> absorb(QueueStore node, Outcome outcome) {
        if (!outcome.isApplied()) {
            refusals.incrementAndGet();
        }
        List<CompletableFuture<Void>> answers = new ArrayList<>();
        int assignments = 0;
        for (QueueEvent event : outcome.events()) {
            if (event instanceof QueueEvent.CallerQueued queued) {
                queued(queued.call().id());
            } else if (event instanceof QueueEvent.OperativeAssigned assignment) {
                assignments++;
                if (!assigned(assignment.call())) {
                    doubleAssignments.incrementAndGet();
                }
                answers.add(answer(node, assignment.call()));
            } else if (event instanceof QueueEvent.CallerAbandoned abandoned) {
                left(abandoned.call());
            }
        }
        int count = assignments;
        return CompletableFuture.allOf(answers.toArray(CompletableFuture[]::new)).thenApply(v -> count);
    }

    private synchronized void queued(CallId call) {
        if (!assigned.contains(call) && !gone.contains(call)) {
            waiting.add(call);
            waitingOrder.add(call);
        }
    }

    /** False if the call had been assigned before. */
    private synchronized boolean assigned(CallId call) {
        waiting.remove(call);
        return assigned.add(call);
    }

    private synchronized void left(CallId call) {
        waiting.remove(call);
        gone.add(call);
    }

    private CompletableFuture<Void> answer(QueueStore node, CallId call) {
        return node.execute(new QueueCommand.MarkConnected(call)).thenAccept(outcome -> {
            boolean answered = outcome.events().stream().anyMatch(e -> e instanceof QueueEvent.CallConnected c
                    && c.call().equals(call));
            if (answered) {
                connected.add(call);
            } else {
                refusals.incrementAndGet();
            }
        }).toCompletableFuture();
    }

    int connectedCount() {
        return connected.size();
    }

    int waitingCount() {
        return waiting.size();
    }

    long assignedCount() {
        return assigned.size();
    }

    /** Calls that two outcomes both assigned (must be 0). */
    long doubleAssignments() {
        return doubleAssignments.get();
    }

    /** Driver commands the core refused, and answers that did not connect (expected 0). */
    long refusals() {
        return refusals.get();
    }
}
