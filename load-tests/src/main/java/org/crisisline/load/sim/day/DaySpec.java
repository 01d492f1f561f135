package org.crisisline.load.sim.day;

import java.time.Duration;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.crisisline.queue.model.Language;
import org.crisisline.queue.model.Tier;

/**
 * A simulated day as a day file describes it, validated by {@link DayFileReader}. Immutable.
 * Every duration in the file is in seconds.
 *
 * @param seed                      the seed all randomness of the run derives from
 * @param arrivalsPerHour           mean live calls in each hour from 00:00 (24 entries), Poisson
 * @param tierMix                   share of live callers in tiers 1, 2 and 3 (sums to 1)
 * @param languages                 share of callers (and check-in people) per language (sums to 1),
 *                                  in the file's order
 * @param talkTime                  conversation length of a live call or callback, per tier 1-3
 * @param patience                  how long a live caller waits before hanging up, per tier 1-3
 * @param callbackAcceptance        chance that a caller offered a callback takes it
 * @param callbackAnswerProbability chance that the person answers one agent-first attempt
 *                                  (callbacks and check-ins alike)
 * @param ringing                   how long phones ring (optional in the file)
 */
public record DaySpec(
        String description,
        long seed,
        List<Double> arrivalsPerHour,
        Map<Tier, Double> tierMix,
        Map<Language, Double> languages,
        Map<Tier, Distribution> talkTime,
        Map<Tier, Distribution> patience,
        double callbackAcceptance,
        double callbackAnswerProbability,
        CheckIns checkIns,
        RotaSpec rota,
        RingTimes ringing) {

    /** Hours in a simulated day; both per-hour lists have this many entries. */
    public static final int HOURS = 24;

    public DaySpec {
        arrivalsPerHour = List.copyOf(arrivalsPerHour);
        // Ordered copies: Map.copyOf iterates in an order that changes from run to run, and the
        // order decides which caller gets which tier and language.
        tierMix = byTier(tierMix);
        languages = Collections.unmodifiableMap(new LinkedHashMap<>(languages));
        talkTime = byTier(talkTime);
        patience = byTier(patience);
    }

    private static <V> Map<Tier, V> byTier(Map<Tier, V> values) {
        Map<Tier, V> copy = new EnumMap<>(Tier.class);
        copy.putAll(values);
        return Collections.unmodifiableMap(copy);
    }

    /**
     * Scheduled check-in calls for people on waiting lists.
     *
     * @param perDay            check-ins due in the day, spread evenly between {@code from} and {@code to}
     * @param from              start of the check-in hours, as time since midnight
     * @param to                end of the check-in hours, as time since midnight (at most 24 h)
     * @param talkTime          length of an ordinary check-in conversation
     * @param deteriorationRate chance that the screen finds the person worse; the call then continues
     *                          as a tier-2 crisis call (with a tier-2 talk time)
     */
    public record CheckIns(int perDay, Duration from, Duration to, Distribution talkTime,
                           double deteriorationRate) {
    }

    /**
     * Who is on the phones.
     *
     * @param operativesPerHour operatives on shift in each hour from 00:00 (24 entries)
     * @param clinicalShare     share of each hour's operatives who are clinically qualified (rounded)
     * @param languageSkills    how many operatives on shift speak each language, at every hour where
     *                          enough operatives are on shift
     * @param breakEvery        an operative takes a break after every this much of their shift
     * @param breakLength       length of a break
     * @param shiftLength       longest shift; longer runs of a staffed position are handed over
     *                          (optional in the file, default 8 h)
     */
    public record RotaSpec(List<Integer> operativesPerHour, double clinicalShare, Map<Language, Integer> languageSkills,
                           Duration breakEvery, Duration breakLength, Duration shiftLength) {
        public RotaSpec {
            operativesPerHour = List.copyOf(operativesPerHour);
            languageSkills = Collections.unmodifiableMap(new LinkedHashMap<>(languageSkills));
        }
    }

    /**
     * How long phones ring (optional in the file: {@code "ringing": {"operative": [2, 4],
     * "callee": [5, 20], "noAnswerAfter": 30}}). Ring times are drawn uniformly between the bounds.
     *
     * @param operativeMin  an operative answers an offered call after at least this
     * @param operativeMax  ...and at most this
     * @param calleeMin     a person who answers a callback or check-in does so after at least this
     * @param calleeMax     ...and at most this
     * @param noAnswerAfter an unanswered agent-first attempt is given up after this
     */
    public record RingTimes(Duration operativeMin, Duration operativeMax, Duration calleeMin, Duration calleeMax,
                            Duration noAnswerAfter) {
        public static RingTimes defaults() {
            return new RingTimes(Duration.ofSeconds(2), Duration.ofSeconds(4), Duration.ofSeconds(5),
                    Duration.ofSeconds(20), Duration.ofSeconds(30));
        }
    }
}
