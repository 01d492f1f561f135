package org.crisisline.load.sim.search;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.crisisline.load.sim.callers.CallerGenerator;
import org.crisisline.load.sim.callers.SimulatedDay;
import org.crisisline.load.sim.day.DaySpec;
import org.crisisline.load.sim.engine.DayRunner;
import org.crisisline.load.sim.engine.Strategy;
import org.crisisline.load.sim.metrics.PooledResult;
import org.crisisline.load.sim.staff.HourlyRota;
import org.crisisline.queue.config.QueueConfig;

/**
 * The study a simulate run makes: Crisisline and the longest-idle baseline side by side on the day's
 * own rota, the smallest rota each needs to meet the targets, and optionally what each protection
 * costs. Every run uses the same pre-generated days, seeded from the day file, so both strategies
 * and every rota meet identical callers. Each strategy is run on each rota once, however many searches
 * ask for it.
 *
 * <p>Not thread-safe (it remembers results); the days of each run are simulated in parallel inside it.
 */
public final class StaffingStudy {
    private final String dayName;
    private final DaySpec spec;
    private final DayRunner runner;
    private final HourlyRota reference;
    private final Strategy crisisline;
    private final Strategy baseline;
    private final ServiceTargets targets;
    private final Map<Strategy, Map<HourlyRota, PooledResult>> evaluated = new HashMap<>();

    /**
     * @param dayName where the day came from, for the report
     * @param days    how many seeded days to generate (once) and pool in every run
     */
    public StaffingStudy(String dayName, DaySpec spec, int days) {
        this(dayName, spec, days, QueueConfig.defaults());
    }

    /**
     * @param config Crisisline's configuration (the baseline takes only its tiers), for studying a setting
     */
    public StaffingStudy(String dayName, DaySpec spec, int days, QueueConfig config) {
        this.crisisline = Strategy.crisisline(config);
        this.baseline = Strategy.longestIdleBaseline(config);
        this.targets = ServiceTargets.of(config);
        this.dayName = dayName;
        this.spec = spec;
        this.reference = new HourlyRota(spec.rota().operativesPerHour());
        CallerGenerator generator = new CallerGenerator(spec, crisisline.config().callbacks().maxAttempts());
        List<SimulatedDay> generated = new ArrayList<>(days);
        for (long seed : CallerGenerator.daySeeds(spec.seed(), days)) {
            generated.add(generator.generate(seed));
        }
        this.runner = new DayRunner(spec, generated);
    }

    /** @param priceProtections also search the smallest rota with each protection switched off in turn */
    public StudyResult run(boolean priceProtections) {
        List<StudyResult.ProtectionPrice> prices = new ArrayList<>();
        if (priceProtections) {
            for (ProtectionSwitch protection : ProtectionSwitch.values()) {
                Strategy without = protection.offIn(crisisline);
                prices.add(new StudyResult.ProtectionPrice(protection, evaluate(without, reference),
                        smallest(without, targets)));
            }
        }
        return new StudyResult(dayName, spec, runner.days(), reference, targets,
                evaluate(crisisline, reference), evaluate(baseline, reference),
                smallest(crisisline, targets), smallest(baseline, targets),
                smallest(crisisline, targets.tierOneOnly()), smallest(baseline, targets.tierOneOnly()), prices);
    }

    private SmallestRota smallest(Strategy strategy, ServiceTargets goal) {
        return new RotaSearch(reference, goal, rota -> evaluate(strategy, rota)).smallest(strategy.name());
    }

    private PooledResult evaluate(Strategy strategy, HourlyRota rota) {
        return evaluated.computeIfAbsent(strategy, s -> new HashMap<>())
                .computeIfAbsent(rota, r -> runner.run(strategy, r));
    }
}
