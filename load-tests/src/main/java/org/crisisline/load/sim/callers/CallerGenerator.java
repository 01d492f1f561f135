package org.crisisline.load.sim.callers;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.crisisline.load.sim.Seconds;
import org.crisisline.load.sim.day.DaySpec;
import org.crisisline.load.sim.day.DaySpec.CheckIns;
import org.crisisline.load.sim.day.DaySpec.RingTimes;
import org.crisisline.queue.model.CallId;
import org.crisisline.queue.model.CallerRef;
import org.crisisline.queue.model.Language;
import org.crisisline.queue.model.Tier;

/**
 * Draws the people of a day from a {@link DaySpec} and a seed. The same seed always gives the same
 * day. Each kind of randomness has its own stream (arrivals; tier and language; talk times;
 * patience; callback decisions; check-ins; ringing), so changing one part of the day file leaves
 * the draws of the others as they were.
 *
 * <p>Arrivals are a Poisson process whose rate is constant within each hour ({@code arrivalsPerHour}).
 * Check-ins are due at evenly spaced times in their hours, the first and last half a gap inside.
 */
public final class CallerGenerator {
    private static final Duration HOUR = Duration.ofHours(1);

    private final DaySpec spec;
    private final int attemptsDrawn;
    private final Categorical<Tier> tiers;
    private final Categorical<Language> languages;

    /** @param attemptsDrawn how many agent-first attempts to decide answers for (the core's maximum) */
    public CallerGenerator(DaySpec spec, int attemptsDrawn) {
        this.spec = spec;
        this.attemptsDrawn = attemptsDrawn;
        this.tiers = new Categorical<>(spec.tierMix());
        this.languages = new Categorical<>(spec.languages());
    }

    /** The seeds of {@code days} days derived from the day file's seed; day 1 is the first. */
    public static List<Long> daySeeds(long fileSeed, int days) {
        SplittableRandom seeds = new SplittableRandom(fileSeed);
        List<Long> list = new ArrayList<>(days);
        for (int i = 0; i < days; i++) {
            list.add(seeds.nextLong());
        }
        return list;
    }

    public SimulatedDay generate(long seed) {
        SplittableRandom root = new SplittableRandom(seed);
        SplittableRandom arrivals = root.split();
        SplittableRandom attributes = root.split();
        SplittableRandom talk = root.split();
        SplittableRandom patience = root.split();
        SplittableRandom callbacks = root.split();
        SplittableRandom checkIns = root.split();
        SplittableRandom ringing = root.split();

        List<SimulatedCaller> callers = new ArrayList<>();
        for (Instant arrives : arrivalTimes(arrivals)) {
            int n = callers.size() + 1;
            Tier tier = tiers.draw(attributes);
            Language language = languages.draw(attributes);
            callers.add(new SimulatedCaller(new CallId(String.format(Locale.ROOT, "call-%05d", n)),
                    new CallerRef(String.format(Locale.ROOT, "caller-%05d", n)), arrives, tier, language,
                    Seconds.toDuration(spec.talkTime().get(tier).sample(talk)),
                    Seconds.toDuration(spec.patience().get(tier).sample(patience)),
                    callbacks.nextDouble() < spec.callbackAcceptance(),
                    pickup(ringing, callbacks)));
        }
        return new SimulatedDay(seed, callers, checkIns(checkIns, ringing));
    }

    private List<Instant> arrivalTimes(SplittableRandom random) {
        List<Instant> times = new ArrayList<>();
        for (int hour = 0; hour < DaySpec.HOURS; hour++) {
            double perSecond = spec.arrivalsPerHour().get(hour) / HOUR.toSeconds();
            if (perSecond == 0) {
                continue;
            }
            double hourStart = hour * (double) HOUR.toSeconds();
            double hourEnd = hourStart + HOUR.toSeconds();
            double t = hourStart + random.nextExponential() / perSecond;
            while (t < hourEnd) {
                times.add(SimulatedDay.MIDNIGHT.plus(Seconds.toDuration(t)));
                t += random.nextExponential() / perSecond;
            }
        }
        return times;
    }

    private List<SimulatedCheckIn> checkIns(SplittableRandom random, SplittableRandom ringing) {
        CheckIns plan = spec.checkIns();
        List<SimulatedCheckIn> list = new ArrayList<>(plan.perDay());
        Duration gap = plan.to().minus(plan.from()).dividedBy(Math.max(1, plan.perDay()));
        for (int i = 0; i < plan.perDay(); i++) {
            Instant due = SimulatedDay.MIDNIGHT.plus(plan.from()).plus(gap.multipliedBy(i)).plus(gap.dividedBy(2));
            String series = String.format(Locale.ROOT, "check-in-series-%03d", i + 1);
            list.add(new SimulatedCheckIn(series, new CallerRef(String.format(Locale.ROOT, "person-%03d", i + 1)),
                    due, languages.draw(random), Seconds.toDuration(plan.talkTime().sample(random)),
                    random.nextDouble() < plan.deteriorationRate(),
                    Seconds.toDuration(spec.talkTime().get(Tier.CRISIS).sample(random)),
                    pickup(ringing, random)));
        }
        return list;
    }

    private Pickup pickup(SplittableRandom ringing, SplittableRandom answers) {
        RingTimes times = spec.ringing();
        List<Boolean> answered = new ArrayList<>(attemptsDrawn);
        for (int i = 0; i < attemptsDrawn; i++) {
            answered.add(answers.nextDouble() < spec.callbackAnswerProbability());
        }
        return new Pickup(uniform(ringing, times.operativeMin(), times.operativeMax()),
                uniform(ringing, times.calleeMin(), times.calleeMax()), answered);
    }

    private static Duration uniform(SplittableRandom random, Duration min, Duration max) {
        long span = max.minus(min).toMillis();
        return span == 0 ? min : min.plusMillis(random.nextLong(span + 1));
    }
}
