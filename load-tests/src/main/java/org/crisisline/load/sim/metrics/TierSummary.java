package org.crisisline.load.sim.metrics;

import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import org.crisisline.load.sim.Seconds;
import org.crisisline.queue.model.Tier;

/**
 * One row of the per-tier table, pooled over days. Times in seconds; NaN where there was nothing
 * to measure.
 *
 * <p>Answer times are of callers answered live. The strict p90 is over everyone who stayed on the
 * line (answered live or hung up), counting a caller who hung up as never answered ({@code +Infinity}).
 * "Within target" has the same denominator. Abandonment is over all callers of the row, so a caller
 * who took a callback counts as not abandoned. Check-ins have no live answer times: they are measured
 * by whether their first attempt fell within their window.
 *
 * @param agentFirstCalls    callbacks taken (tiers 2-3) or check-ins: calls Crisisline made
 * @param firstAttemptOnTime of those, first tried by the time they were due
 * @param unreachable        of those, unanswered after every attempt (escalated or closed with a record)
 */
public record TierSummary(int callers, int answeredLive, double answerP50, double answerP90, double answerMax,
                          double strictP90, double withinTargetShare, int abandoned, double abandonedShare,
                          int agentFirstCalls, int firstAttemptOnTime, int unreachable, int unresolved) {

    public static TierSummary of(List<CallerOutcome> outcomes, Function<Tier, Duration> answerTarget) {
        double[] answered = outcomes.stream().filter(CallerOutcome::answeredLive)
                .mapToDouble(o -> Seconds.of(o.waited())).toArray();
        double[] strict = outcomes.stream().filter(o -> o.answeredLive() || o.abandoned())
                .mapToDouble(o -> o.abandoned() ? Double.POSITIVE_INFINITY : Seconds.of(o.waited())).toArray();
        long withinTarget = outcomes.stream()
                .filter(o -> o.answeredLive() && o.waited().compareTo(answerTarget.apply(o.tier())) <= 0).count();
        int abandoned = (int) outcomes.stream().filter(CallerOutcome::abandoned).count();
        List<CallerOutcome> agentFirst = outcomes.stream()
                .filter(o -> o.firstAttempt() != FirstAttempt.NOT_APPLICABLE).toList();
        return new TierSummary(outcomes.size(), answered.length,
                Percentiles.of(answered, 0.5), Percentiles.of(answered, 0.9), Percentiles.max(answered),
                Percentiles.of(strict, 0.9), share(withinTarget, strict.length),
                abandoned, share(abandoned, outcomes.size()),
                agentFirst.size(),
                (int) agentFirst.stream().filter(o -> o.firstAttempt() == FirstAttempt.ON_TIME).count(),
                (int) agentFirst.stream().filter(o -> o.resolution() == Resolution.UNREACHABLE).count(),
                (int) outcomes.stream().filter(o -> o.resolution() == Resolution.UNRESOLVED).count());
    }

    private static double share(long part, long whole) {
        return whole == 0 ? Double.NaN : (double) part / whole;
    }
}
