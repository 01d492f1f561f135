package org.crisisline.load.sim.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.crisisline.load.sim.metrics.PooledResult;
import org.crisisline.load.sim.metrics.ReportRow;
import org.crisisline.load.sim.metrics.StaffSummary;
import org.crisisline.load.sim.metrics.TierSummary;
import org.crisisline.load.sim.search.SmallestRota;
import org.crisisline.load.sim.search.StudyResult;

/**
 * Writes a {@link StudyResult} as three CSV files for a spreadsheet: callers by tier, operatives, and
 * staffing (smallest rotas, and each protection switched off). Times in seconds, shares in percent.
 */
public final class CsvReport {
    public static final String CALLERS = "callers-by-tier.csv";
    public static final String OPERATIVES = "operatives.csv";
    public static final String STAFFING = "staffing.csv";

    private CsvReport() {
    }

    /** Writes the files into {@code directory} (which must exist) and returns them. */
    public static List<Path> write(StudyResult result, Path directory) throws IOException {
        Path callers = directory.resolve(CALLERS);
        Path operatives = directory.resolve(OPERATIVES);
        Path staffing = directory.resolve(STAFFING);
        callers(result).writeTo(callers);
        operatives(result).writeTo(operatives);
        staffing(result).writeTo(staffing);
        return List.of(callers, operatives, staffing);
    }

    private static CsvWriter callers(StudyResult result) {
        CsvWriter csv = new CsvWriter("strategy", "row", "days", "staff_hours", "callers", "answered_live",
                "answer_p50_s", "answer_p90_s", "answer_max_s", "strict_p90_s", "within_target_pct", "abandoned",
                "abandoned_pct", "callbacks_or_check_ins", "first_attempt_on_time", "unreachable", "unresolved");
        for (PooledResult strategy : List.of(result.crisisline(), result.baseline())) {
            for (ReportRow row : ReportRow.values()) {
                TierSummary s = strategy.row(row);
                csv.row(strategy.strategy(), row.label(), strategy.days(), strategy.rota().staffHours(), s.callers(),
                        s.answeredLive(), s.answerP50(), s.answerP90(), s.answerMax(), s.strictP90(),
                        percent(s.withinTargetShare()), s.abandoned(), percent(s.abandonedShare()), s.agentFirstCalls(),
                        s.firstAttemptOnTime(), s.unreachable(), s.unresolved());
            }
        }
        return csv;
    }

    private static CsvWriter operatives(StudyResult result) {
        CsvWriter csv = new CsvWriter("strategy", "days", "staff_hours", "peak_load_weighted_s",
                "mean_peak_load_weighted_s", "most_tier_one_in_a_row", "recovery_interruptions_max_per_shift",
                "recovery_interruptions_total", "recovery_interruptions_per_day", "tier_one_by_clinician_pct",
                "own_language_pct");
        for (PooledResult strategy : List.of(result.crisisline(), result.baseline())) {
            StaffSummary s = strategy.staff();
            csv.row(strategy.strategy(), strategy.days(), strategy.rota().staffHours(), s.peakLoadMax(),
                    s.peakLoadMean(), s.longestTierOneRun(), s.interruptionsMaxPerShift(), s.interruptionsTotal(),
                    (double) s.interruptionsTotal() / strategy.days(),
                    percent(s.tierOneByClinician()), percent(s.ownLanguage()));
        }
        return csv;
    }

    private static CsvWriter staffing(StudyResult result) {
        CsvWriter csv = new CsvWriter("strategy", "targets", "met", "factor", "staff_hours", "vs_days_rota_pct",
                "protection_cost_staff_hours", "tier_one_strict_p90_s", "abandoned_pct",
                "days_rota_tier_one_strict_p90_s", "days_rota_tier_one_abandoned", "days_rota_abandoned_pct");
        int reference = result.reference().staffHours();
        staffingRow(csv, "tier 1 and abandonment", result.crisislineSmallest(), reference, null, result.crisisline());
        staffingRow(csv, "tier 1 and abandonment", result.baselineSmallest(), reference, null, result.baseline());
        staffingRow(csv, "tier 1 alone", result.crisislineTierOne(), reference, null, result.crisisline());
        staffingRow(csv, "tier 1 alone", result.baselineTierOne(), reference, null, result.baseline());
        for (StudyResult.ProtectionPrice price : result.protections()) {
            Integer cost = result.crisislineSmallest().found() && price.smallest().found()
                    ? price.costInStaffHours(result.crisislineSmallest()) : null;
            staffingRow(csv, "tier 1 and abandonment", price.smallest(), reference, cost, price.atReference());
        }
        return csv;
    }

    private static void staffingRow(CsvWriter csv, String targets, SmallestRota rota, int reference, Integer cost,
                                    PooledResult atReference) {
        csv.row(rota.strategy(), targets, rota.found(), rota.factor(), rota.staffHours(),
                100.0 * rota.staffHours() / reference - 100, cost == null ? "" : cost,
                rota.result().row(ReportRow.TIER_1).strictP90(), percent(rota.result().row(ReportRow.ALL_LIVE)
                        .abandonedShare()), atReference.row(ReportRow.TIER_1).strictP90(),
                atReference.row(ReportRow.TIER_1).abandoned(), percent(atReference.row(ReportRow.ALL_LIVE)
                        .abandonedShare()));
    }

    private static double percent(double share) {
        return share * 100;
    }
}
