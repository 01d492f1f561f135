package org.crisisline.load.sim.report;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.crisisline.load.sim.Seconds;
import org.crisisline.load.sim.day.DaySpec;
import org.crisisline.load.sim.metrics.PooledResult;
import org.crisisline.load.sim.metrics.ReportRow;
import org.crisisline.load.sim.metrics.StaffSummary;
import org.crisisline.load.sim.metrics.TierSummary;
import org.crisisline.load.sim.search.RotaSearch;
import org.crisisline.load.sim.search.SmallestRota;
import org.crisisline.load.sim.search.StudyResult;

/** Prints a {@link StudyResult} for a person at a terminal: what was simulated, the tables, the verdict. */
public final class ConsoleReport {
    private static final String CALLERS_NOTES = """
              answered, p50/p90/max: callers answered while still on the line (the wait includes the ring)
              strict p90: a caller who hung up counts as never answered
              in target: answered within the tier's target, of callers who stayed on the line
              hung up: of all callers; a caller who took a callback did not hang up
              called back: callbacks taken (tiers 2-3) or check-ins made, and (in brackets) how many were
                first tried by the time they were due
              unreachable: unanswered after every attempt (escalated to a lead, or closed with a record)
            """;
    private static final String OPERATIVES_NOTES = """
              load: tier-weighted hours of conversation (tier 1 x3, tier 2 x2, tier 3 x1), halving every 2 h;
              peak: the highest any operative reached; mean peak: the average of each shift's highest
              tier-1 run: the most tier-1 calls one operative took in a row
              interrupted: recoveries cut short by a tier-1 caller, most in one shift, and in total
              own language: non-English callers and check-ins answered without an interpreter
            """;

    /** Lines of prose are wrapped to this width; the tables stay within it for the reference day. */
    private static final int WIDTH = 110;

    private final PrintStream out;

    public ConsoleReport(PrintStream out) {
        this.out = out;
    }

    public void print(StudyResult result) {
        header(result);
        callers(result);
        operatives(result);
        staffing(result);
        if (!result.protections().isEmpty()) {
            protections(result);
        }
        verdict(result);
    }

    private void header(StudyResult result) {
        DaySpec spec = result.spec();
        PooledResult any = result.crisisline();
        out.printf(Locale.ROOT, "Crisisline day simulation: %s (seed %d), %d days pooled%n", result.dayName(),
                spec.seed(), result.days());
        for (String line : Format.wrap(spec.description(), WIDTH - 2)) {
            out.println("  " + line);
        }
        out.printf(Locale.ROOT, "  %s live callers (tier 1: %s, tier 2: %s, tier 3: %s) and %s check-ins%n",
                Format.count(any.row(ReportRow.ALL_LIVE).callers()),
                Format.count(any.row(ReportRow.TIER_1).callers()), Format.count(any.row(ReportRow.TIER_2).callers()),
                Format.count(any.row(ReportRow.TIER_3).callers()), Format.count(any.row(ReportRow.CHECK_IN).callers()));
        DaySpec.RotaSpec rota = spec.rota();
        out.printf(Locale.ROOT, "  Rota: %d staff-hours a day, up to %d operatives an hour, %.0f%% clinical; "
                        + "shifts of up to %s, a %s break every %s%n",
                result.reference().staffHours(), result.reference().peak(), rota.clinicalShare() * 100,
                Format.duration(rota.shiftLength()), Format.duration(rota.breakLength()),
                Format.duration(rota.breakEvery()));
        DaySpec.RingTimes ring = spec.ringing();
        out.printf(Locale.ROOT, "  Phones: operatives answer in %s; people called back answer in %s, "
                        + "or the attempt ends at %s%n",
                Format.range(ring.operativeMin(), ring.operativeMax()), Format.range(ring.calleeMin(), ring.calleeMax()),
                Format.duration(ring.noAnswerAfter()));
        out.println();
    }

    private void callers(StudyResult result) {
        out.printf(Locale.ROOT, "Callers, on the day's own rota (%d staff-hours)%n", result.reference().staffHours());
        String[] header = {"", "callers", "answered", "p50", "p90", "max", "strict p90", "in target", "hung up",
            "called back", "unreachable"};
        TextTable table = new TextTable(header);
        for (ReportRow row : ReportRow.values()) {
            String[] heading = new String[header.length];
            Arrays.fill(heading, "");
            heading[0] = row.label();
            table.row(heading);
            for (PooledResult strategy : List.of(result.crisisline(), result.baseline())) {
                TierSummary s = strategy.row(row);
                table.row("  " + strategy.strategy(), Format.count(s.callers()), Format.count(s.answeredLive()),
                        Format.seconds(s.answerP50()), Format.seconds(s.answerP90()), Format.seconds(s.answerMax()),
                        Format.seconds(s.strictP90()), Format.percent(s.withinTargetShare()),
                        Format.percent(s.abandonedShare()), calledBack(s), Format.count(s.unreachable()));
            }
        }
        print(table);
        out.print(CALLERS_NOTES);
        int lost = result.crisisline().unresolved() + result.baseline().unresolved();
        if (lost > 0) {
            out.printf(Locale.ROOT, "  WARNING: %d calls were still open when the simulation gave up: lost calls%n",
                    lost);
        }
        out.println();
    }

    private void operatives(StudyResult result) {
        out.println("Operatives, on the day's own rota (per shift)");
        TextTable table = new TextTable("strategy", "peak load", "mean peak", "tier-1 run", "interrupted",
                "total", "tier 1 by clinician", "own language");
        for (PooledResult strategy : List.of(result.crisisline(), result.baseline())) {
            StaffSummary s = strategy.staff();
            table.row(strategy.strategy(), Format.load(s.peakLoadMax()), Format.load(s.peakLoadMean()),
                    Integer.toString(s.longestTierOneRun()), Integer.toString(s.interruptionsMaxPerShift()),
                    String.format(Locale.ROOT, "%d (%.1f/day)", s.interruptionsTotal(),
                            (double) s.interruptionsTotal() / strategy.days()),
                    Format.percent(s.tierOneByClinician()), Format.percent(s.ownLanguage()));
        }
        print(table);
        out.print(OPERATIVES_NOTES);
        out.println();
    }

    private void staffing(StudyResult result) {
        out.printf(Locale.ROOT, "Smallest rota meeting tier-1 strict p90 <= %s and hung up <= %s%n"
                        + "  (%d days pooled; the day's rota scaled in steps of %.0f%%)%n",
                seconds(result.targets().tierOneStrictP90()), Format.percent(result.targets().maxAbandonedShare()),
                result.days(), RotaSearch.STEP * 100);
        TextTable table = new TextTable("strategy", "staff-hours", "factor", "tier-1 strict p90", "hung up",
                "for the tier-1 target alone");
        rotaRow(table, result.crisislineSmallest(), result.crisislineTierOne());
        rotaRow(table, result.baselineSmallest(), result.baselineTierOne());
        print(table);
        out.println();
    }

    private static void rotaRow(TextTable table, SmallestRota both, SmallestRota tierOneAlone) {
        table.row(both.strategy(), staffHours(both), factor(both),
                Format.seconds(both.result().row(ReportRow.TIER_1).strictP90()),
                Format.percent(both.result().row(ReportRow.ALL_LIVE).abandonedShare()), staffHours(tierOneAlone));
    }

    private void protections(StudyResult result) {
        out.println("What each protection costs: Crisisline with one protection switched off");
        out.printf(Locale.ROOT, "  (staff-hours to meet both targets; then how it does on the day's rota of %d)%n",
                result.reference().staffHours());
        TextTable table = new TextTable("switched off", "staff-hours", "protection costs", "tier-1 strict p90",
                "tier-1 hung up", "all hung up");
        SmallestRota allOn = result.crisislineSmallest();
        protectionRow(table, "nothing (all protections on)", allOn, "", result.crisisline());
        for (StudyResult.ProtectionPrice price : result.protections()) {
            String cost = allOn.found() && price.smallest().found()
                    ? String.format(Locale.ROOT, "%+d staff-h", price.costInStaffHours(allOn)) : "-";
            protectionRow(table, price.protection().label(), price.smallest(), cost, price.atReference());
        }
        print(table);
        out.println("  the protection costs: staff-hours needed with it on minus with it off"
                + " (negative: it saves staff)");
        out.println();
    }

    private static void protectionRow(TextTable table, String label, SmallestRota smallest, String cost,
                                      PooledResult atReference) {
        TierSummary tierOne = atReference.row(ReportRow.TIER_1);
        double allHungUp = atReference.row(ReportRow.ALL_LIVE).abandonedShare();
        table.row(label, staffHours(smallest), cost, Format.seconds(tierOne.strictP90()),
                Format.count(tierOne.abandoned()), Format.percent(allHungUp));
    }

    private void verdict(StudyResult result) {
        SmallestRota crisisline = result.crisislineSmallest();
        SmallestRota baseline = result.baselineSmallest();
        String staffing = crisisline.found() && baseline.found()
                ? String.format(Locale.ROOT, "%d vs %d staff-hours (%s; allowed: %s)", crisisline.staffHours(),
                        baseline.staffHours(), Format.change((double) crisisline.staffHours() / baseline.staffHours()),
                        Format.change(1 + StudyResult.STAFFING_ALLOWANCE))
                : String.format(Locale.ROOT, "Crisisline %s, baseline %s", staffHours(crisisline),
                        staffHours(baseline));
        out.println("Goal: with all its protections on, Crisisline meets the targets within 5% of the staff-hours");
        out.println("the baseline needs, and loses fewer tier-1 callers than the baseline on the same rota");
        out.printf(Locale.ROOT, "  staffing: %s -> %s%n", staffing,
                result.crisislineWithinStaffingAllowance() ? "met" : "NOT met");
        out.printf(Locale.ROOT, "  tier-1 callers who hung up on the day's rota: %d vs %d -> %s%n",
                result.crisisline().row(ReportRow.TIER_1).abandoned(),
                result.baseline().row(ReportRow.TIER_1).abandoned(),
                result.crisislineLosesFewerTierOne() ? "met" : "NOT met");
        out.println("  => goal " + (result.goalMet() ? "MET" : "NOT MET"));
        out.println();
    }

    private static String calledBack(TierSummary s) {
        return s.agentFirstCalls() == 0 ? "-"
                : String.format(Locale.ROOT, "%s (%s)", Format.count(s.agentFirstCalls()),
                        Format.count(s.firstAttemptOnTime()));
    }

    private static String staffHours(SmallestRota rota) {
        return rota.found() ? Integer.toString(rota.staffHours())
                : String.format(Locale.ROOT, "not met at %.0f%%", rota.factor() * 100);
    }

    private static String factor(SmallestRota rota) {
        return rota.found() ? String.format(Locale.ROOT, "%.2f", rota.factor()) : "-";
    }

    private static String seconds(Duration duration) {
        return Format.seconds(Seconds.of(duration));
    }

    private void print(TextTable table) {
        table.lines(2).forEach(out::println);
    }
}
