package org.crisisline.load.sim.metrics;

import java.util.List;

/**
 * Everything measured in one simulated day under one strategy and rota, in the order people
 * joined and operatives first logged on. Two runs of the same day are equal exactly when they went
 * the same way.
 */
public record DayResult(long seed, List<CallerOutcome> callers, List<OperativeOutcome> operatives) {
    public DayResult {
        callers = List.copyOf(callers);
        operatives = List.copyOf(operatives);
    }

    public long unresolved() {
        return callers.stream().filter(c -> c.resolution() == Resolution.UNRESOLVED).count();
    }
}
