package org.crisisline.telephony.sim;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Callers arriving on each helpline line as a Poisson process at the line's calls-per-hour
 * (exponential gaps, drawn from the model's seeded generator), each following a keypad script
 * picked from the weighted mix. {@link #start} schedules the first arrival per line; each arrival
 * schedules the next until {@link #stop}.
 *
 * <p>Not thread-safe: the model's thread only.
 */
final class CallerArrivals {
    private final SimScheduler scheduler;
    private final Population population;
    private final SimDialplan dialplan;
    private final List<HelplineLine> lines;
    private final Random random;
    private final Map<HelplineLine, SimScheduler.Timer> timers = new HashMap<>();
    private boolean running;
    private long arrived;

    CallerArrivals(SimScheduler scheduler, Population population, SimDialplan dialplan, List<HelplineLine> lines) {
        this.scheduler = scheduler;
        this.population = population;
        this.dialplan = dialplan;
        this.lines = List.copyOf(lines);
        this.random = population.random();
    }

    void start() {
        running = true;
        for (HelplineLine line : lines) {
            scheduleNext(line);
        }
    }

    void stop() {
        running = false;
        timers.values().forEach(SimScheduler.Timer::cancel);
        timers.clear();
    }

    long arrived() {
        return arrived;
    }

    private void scheduleNext(HelplineLine line) {
        if (!running || line.callsPerHour() <= 0) {
            return;
        }
        double meanGapMillis = 3_600_000.0 / line.callsPerHour();
        long gap = Math.round(-Math.log(1.0 - random.nextDouble()) * meanGapMillis);
        timers.put(line, scheduler.schedule(gap, () -> {
            arrive(line);
            scheduleNext(line);
        }));
    }

    private void arrive(HelplineLine line) {
        arrived++;
        dialplan.arrive(line, population.pickScript(), population.callerNumber());
    }
}
