package org.crisisline.load.redisbench;

import java.util.concurrent.CompletionStage;
import org.crisisline.queue.store.QueueStore;

/** What one driver slot does over and over on a node: one measured command, then its unmeasured follow-ups. */
interface Workload {
    /** For the report: "enqueue" or "assign". */
    String name();

    /**
     * Runs one cycle on {@code node}. Completes once the follow-ups are applied too, with the measured
     * command's latency from {@code execute()} to its outcome; fails if any command failed.
     */
    CompletionStage<Cycle> cycle(QueueStore node);

    /**
     * @param latencyNanos  the measured command, from {@code execute()} to its outcome
     * @param assignments   {@code OperativeAssigned} events in the measured command's outcome
     */
    record Cycle(long latencyNanos, int assignments) {
    }
}
