package org.crisisline.load.sim.metrics;

import java.util.List;

/**
 * How the operatives fared, pooled over days. Loads are in the core's units: tier-weighted seconds
 * of conversation, decaying with a half-life (a 30-minute tier-1 call just ended weighs 5,400).
 *
 * @param peakLoadMax            the highest load any operative reached
 * @param peakLoadMean           the average, over shifts that took a call, of each shift's highest load
 * @param longestTierOneRun      the most tier-1 calls any operative took in a row
 * @param interruptionsMaxPerShift most recovery interruptions in one operative's shift
 * @param interruptionsTotal     recovery interruptions across all operatives and days
 * @param tierOneByClinician     share of tier-1 callers answered live by a clinically qualified operative
 * @param ownLanguage            share of non-English callers (and check-ins) answered in their language
 */
public record StaffSummary(double peakLoadMax, double peakLoadMean, int longestTierOneRun,
                           int interruptionsMaxPerShift, int interruptionsTotal, double tierOneByClinician,
                           double ownLanguage) {

    public static StaffSummary of(List<DayResult> days) {
        List<OperativeOutcome> shifts = days.stream().flatMap(d -> d.operatives().stream()).toList();
        List<CallerOutcome> callers = days.stream().flatMap(d -> d.callers().stream()).toList();
        List<CallerOutcome> tierOne = callers.stream()
                .filter(o -> ReportRow.TIER_1.includes(o) && o.answeredLive()).toList();
        List<CallerOutcome> foreign = callers.stream()
                .filter(o -> !o.language().isEnglish() && o.resolution() == Resolution.ANSWERED).toList();
        return new StaffSummary(
                shifts.stream().mapToDouble(OperativeOutcome::peakLoad).max().orElse(0),
                shifts.stream().mapToDouble(OperativeOutcome::peakLoad).filter(load -> load > 0).average().orElse(0),
                shifts.stream().mapToInt(OperativeOutcome::longestTierOneRun).max().orElse(0),
                shifts.stream().mapToInt(OperativeOutcome::recoveryInterruptions).max().orElse(0),
                shifts.stream().mapToInt(OperativeOutcome::recoveryInterruptions).sum(),
                share(tierOne.stream().filter(CallerOutcome::answeredByClinician).count(), tierOne.size()),
                share(foreign.stream().filter(o -> !o.interpreter()).count(), foreign.size()));
    }

    private static double share(long part, long whole) {
        return whole == 0 ? Double.NaN : (double) part / whole;
    }
}
