package org.crisisline.queue.core;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.crisisline.queue.model.Call;
import org.crisisline.queue.model.Operative;
import org.crisisline.queue.model.Tier;

/**
 * A consistent picture of the queue at one instant: what clinical leads watch and what a store
 * persists. Immutable.
 *
 * @param waiting    waiting calls in serving order (tier-1 first)
 * @param otherOpen  calls that are scheduled, offered or connected
 * @param operatives every operative, with their emotional load now
 */
public record QueueSnapshot(
        Instant at,
        List<Call> waiting,
        List<Call> otherOpen,
        List<OperativeLoad> operatives,
        Map<Tier, Integer> waitingByTier,
        Map<Tier, Duration> longestWaitByTier,
        Map<Tier, Duration> estimatedWaitByTier) {

    public QueueSnapshot {
        waiting = List.copyOf(waiting);
        otherOpen = List.copyOf(otherOpen);
        operatives = List.copyOf(operatives);
        waitingByTier = Map.copyOf(waitingByTier);
        longestWaitByTier = Map.copyOf(longestWaitByTier);
        estimatedWaitByTier = Map.copyOf(estimatedWaitByTier);
    }

    /** An operative and their emotional load at the snapshot's instant, in weighted seconds. */
    public record OperativeLoad(Operative operative, double load) {
    }
}
