package org.crisisline.load.sim.callers;

import java.time.Instant;
import java.util.List;

/**
 * Everyone a simulated day brings, in arrival (or due) order, generated once from a seed and then
 * replayed unchanged through every strategy and rota.
 */
public record SimulatedDay(long seed, List<SimulatedCaller> callers, List<SimulatedCheckIn> checkIns) {
    /**
     * The simulated day starts at this midnight. Any midnight would do: only offsets matter, and the
     * core's callback slot grid is aligned to it.
     */
    public static final Instant MIDNIGHT = Instant.parse("2026-11-22T00:00:00Z");

    public SimulatedDay {
        callers = List.copyOf(callers);
        checkIns = List.copyOf(checkIns);
    }

    /** Live callers and check-ins: the people whose calls must all end accounted for. */
    public int people() {
        return callers.size() + checkIns.size();
    }
}
