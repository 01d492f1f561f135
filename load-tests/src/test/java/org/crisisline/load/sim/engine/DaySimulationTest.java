package org.crisisline.load.sim.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.crisisline.load.sim.callers.CallerGenerator;
import org.crisisline.load.sim.callers.SimulatedDay;
import org.crisisline.load.sim.day.DayFileReader;
import org.crisisline.load.sim.day.DaySpec;
import org.crisisline.load.sim.metrics.CallerOutcome;
import org.crisisline.load.sim.metrics.DayResult;
import org.crisisline.load.sim.metrics.PooledResult;
import org.crisisline.load.sim.metrics.ReportRow;
import org.crisisline.load.sim.metrics.Resolution;
import org.crisisline.load.sim.staff.HourlyRota;
import org.crisisline.load.sim.staff.ShiftPlanner;
import org.crisisline.load.sim.staff.StaffPlan;
import org.crisisline.queue.model.Tier;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("A simulated day")
class DaySimulationTest {
    private static final DaySpec DAY = DayFileReader.readReference();
    private static final HourlyRota ROTA = new HourlyRota(DAY.rota().operativesPerHour());
    private static final CallerGenerator GENERATOR = new CallerGenerator(DAY, 3);
    private static final List<SimulatedDay> DAYS = CallerGenerator.daySeeds(DAY.seed(), 10).stream()
            .map(GENERATOR::generate).toList();

    @Test
    @DisplayName("goes exactly the same way twice from the same seed, for either strategy")
    void isDeterministic() {
        for (Strategy strategy : List.of(Strategy.crisisline(), Strategy.longestIdleBaseline())) {
            DayResult first = run(strategy, ROTA, GENERATOR.generate(DAY.seed()));
            DayResult second = run(strategy, ROTA, GENERATOR.generate(DAY.seed()));
            assertThat(second).as(strategy.name()).isEqualTo(first);
        }
    }

    @Test
    @DisplayName("loses no call: every caller and check-in ends answered, abandoned or unreachable")
    void losesNoCall() {
        for (Strategy strategy : List.of(Strategy.crisisline(), Strategy.longestIdleBaseline())) {
            for (SimulatedDay day : DAYS.subList(0, 3)) {
                DayResult result = run(strategy, ROTA, day);
                assertThat(result.callers()).as(strategy.name()).hasSize(day.people())
                        .noneMatch(c -> c.resolution() == Resolution.UNRESOLVED);
            }
        }
    }

    @Test
    @DisplayName("loses no call even when the rota is far too small and the queue drains after midnight")
    void losesNoCallWhenUnderstaffed() {
        SimulatedDay day = DAYS.get(0);

        DayResult result = run(Strategy.crisisline(), ROTA.scaled(0.4), day);

        assertThat(result.callers()).hasSize(day.people()).noneMatch(c -> c.resolution() == Resolution.UNRESOLVED);
        assertThat(result.callers()).filteredOn(CallerOutcome::abandoned).hasSizeGreaterThan(day.people() / 5);
    }

    @Test
    @DisplayName("with Crisisline answers tier 1 faster than the longest-idle baseline on the same rota")
    void crisislineServesTierOneBetter() {
        DayRunner runner = new DayRunner(DAY, DAYS);

        PooledResult crisisline = runner.run(Strategy.crisisline(), ROTA);
        PooledResult baseline = runner.run(Strategy.longestIdleBaseline(), ROTA);

        assertThat(crisisline.row(ReportRow.TIER_1).strictP90()).isLessThan(baseline.row(ReportRow.TIER_1).strictP90());
        assertThat(crisisline.row(ReportRow.TIER_1).abandoned()).isLessThan(baseline.row(ReportRow.TIER_1).abandoned());
        assertThat(crisisline.row(ReportRow.TIER_1).callers()).isEqualTo(baseline.row(ReportRow.TIER_1).callers());
    }

    @Test
    @DisplayName("offers callbacks with Crisisline and none with the baseline")
    void onlyCrisislineCallsBack() {
        SimulatedDay day = DAYS.get(0);

        DayResult crisisline = run(Strategy.crisisline(), ROTA, day);
        DayResult baseline = run(Strategy.longestIdleBaseline(), ROTA, day);

        assertThat(crisisline.callers()).anyMatch(CallerOutcome::tookCallback);
        assertThat(crisisline.callers()).filteredOn(CallerOutcome::tookCallback)
                .allMatch(c -> c.tier() == Tier.CRISIS || c.tier() == Tier.SUPPORT);
        assertThat(baseline.callers()).noneMatch(CallerOutcome::tookCallback);
    }

    @Test
    @DisplayName("makes every check-in call, answered or escalated")
    void makesEveryCheckIn() {
        SimulatedDay day = DAYS.get(0);

        DayResult result = run(Strategy.crisisline(), ROTA, day);

        assertThat(result.callers()).filteredOn(c -> c.tier() == Tier.CHECK_IN).hasSize(day.checkIns().size())
                .allMatch(c -> c.resolution() == Resolution.ANSWERED || c.resolution() == Resolution.UNREACHABLE);
    }

    @Test
    @DisplayName("measures every operative's shift")
    void measuresOperatives() {
        DayResult result = run(Strategy.crisisline(), ROTA, DAYS.get(0));

        assertThat(result.operatives()).isNotEmpty().anyMatch(o -> o.peakLoad() > 0)
                .anyMatch(o -> o.longestTierOneRun() >= 1);
    }

    private static DayResult run(Strategy strategy, HourlyRota rota, SimulatedDay day) {
        StaffPlan staff = new ShiftPlanner(DAY.rota()).plan(rota, SimulatedDay.MIDNIGHT, DaySimulation.PLANNED_HOURS);
        return DaySimulation.run(strategy, DAY, day, staff);
    }
}
