package org.crisisline.load.sim.engine;

import java.util.List;
import org.crisisline.load.sim.callers.SimulatedDay;
import org.crisisline.load.sim.day.DaySpec;
import org.crisisline.load.sim.metrics.DayResult;
import org.crisisline.load.sim.metrics.PooledResult;
import org.crisisline.load.sim.staff.HourlyRota;
import org.crisisline.load.sim.staff.ShiftPlanner;
import org.crisisline.load.sim.staff.StaffPlan;

/**
 * Runs a strategy on a rota over the same pre-generated days and pools the results. Days run in
 * parallel, each with its own core and clock; results are kept in day order, so the outcome does
 * not depend on threads. Thread-safe: it holds only immutable inputs.
 */
public final class DayRunner {
    private final DaySpec spec;
    private final List<SimulatedDay> days;
    private final ShiftPlanner planner;

    public DayRunner(DaySpec spec, List<SimulatedDay> days) {
        this.spec = spec;
        this.days = List.copyOf(days);
        this.planner = new ShiftPlanner(spec.rota());
    }

    public int days() {
        return days.size();
    }

    public List<DayResult> runDays(Strategy strategy, HourlyRota rota) {
        StaffPlan staff = planner.plan(rota, SimulatedDay.MIDNIGHT, DaySimulation.PLANNED_HOURS);
        return days.parallelStream().map(day -> DaySimulation.run(strategy, spec, day, staff)).toList();
    }

    public PooledResult run(Strategy strategy, HourlyRota rota) {
        return PooledResult.of(strategy.name(), strategy.config(), rota, runDays(strategy, rota));
    }
}
