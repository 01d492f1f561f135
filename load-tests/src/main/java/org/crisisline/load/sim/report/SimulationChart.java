package org.crisisline.load.sim.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.DoubleFunction;
import org.crisisline.load.sim.Seconds;
import org.crisisline.load.sim.metrics.PooledResult;
import org.crisisline.load.sim.metrics.ReportRow;
import org.crisisline.load.sim.search.RotaSearch;
import org.crisisline.load.sim.search.SmallestRota;
import org.crisisline.load.sim.search.StudyResult;

/**
 * The one-page chart for a clinical lead: on the day's own rota, how long tier-1 callers wait (90% answered
 * within, a caller who hung up counting as never answered) and how many callers hang up per tier, for
 * Crisisline and the longest-idle baseline; below, the staff-hours each needs to meet the targets, and
 * what switching off each protection would change.
 */
public final class SimulationChart {
    public static final String FILE = "simulation.svg";

    private static final String CRISISLINE = "#1b7f79";
    private static final String BASELINE = "#9a9a9a";
    private static final String VARIANT = "#8cc7c2";
    private static final String TARGET = "#b33";
    private static final int WIDTH = 1000;
    private static final int ROW_HEIGHT = 26;

    private SimulationChart() {
    }

    public static Path write(StudyResult result, Path directory) throws IOException {
        Path file = directory.resolve(FILE);
        Files.writeString(file, render(result), StandardCharsets.UTF_8);
        return file;
    }

    static String render(StudyResult result) {
        List<Bar> staffing = staffingRows(result);
        int staffingTop = 440;
        int height = staffingTop + 50 + staffing.size() * ROW_HEIGHT + 40;
        SvgCanvas svg = new SvgCanvas(WIDTH, height);
        svg.text(40, 34, "Crisisline vs an ordinary longest-idle queue", 20, "start", true);
        svg.text(40, 58, String.format(Locale.ROOT, "%s, %d simulated days: the same callers and the same rota "
                        + "(%d staff-hours a day) for both. %s", result.dayName(), result.days(),
                result.reference().staffHours(), result.goalMet() ? "Goal met." : "Goal not met."), 13, "start", false);
        legend(svg, 40, 84);

        PooledResult crisisline = result.crisisline();
        PooledResult baseline = result.baseline();
        double target = Seconds.of(result.targets().tierOneStrictP90());
        verticalBars(svg, new Panel(60, 140, 360, 220, "Tier 1: 90% answered within (s)",
                        "a caller who hung up counts as never answered; dashed: the " + Format.seconds(target)
                                + " target"),
                List.of(String.format(Locale.ROOT, "on the day's rota (%d staff-hours)",
                        result.reference().staffHours())),
                List.of(new double[] {crisisline.row(ReportRow.TIER_1).strictP90()},
                        new double[] {baseline.row(ReportRow.TIER_1).strictP90()}),
                target, Format::seconds);

        List<ReportRow> tiers = List.of(ReportRow.TIER_1, ReportRow.TIER_2, ReportRow.TIER_3, ReportRow.ALL_LIVE);
        double[] crisislineHungUp = new double[tiers.size()];
        double[] baselineHungUp = new double[tiers.size()];
        List<String> labels = new ArrayList<>();
        for (int i = 0; i < tiers.size(); i++) {
            crisislineHungUp[i] = crisisline.row(tiers.get(i)).abandonedShare() * 100;
            baselineHungUp[i] = baseline.row(tiers.get(i)).abandonedShare() * 100;
            labels.add(tiers.get(i).label());
        }
        double limit = result.targets().maxAbandonedShare() * 100;
        verticalBars(svg, new Panel(560, 140, 400, 220, "Callers who hung up (%)",
                        "on the day's rota, by tier; dashed: the " + Format.percent(limit / 100)
                                + " limit (all tiers)"),
                labels, List.of(crisislineHungUp, baselineHungUp), limit, v -> Format.percent(v / 100));

        staffingBars(svg, staffingTop, result, staffing);
        return svg.toSvg();
    }

    /** Where a panel sits and what it says. */
    private record Panel(double x, double y, double width, double height, String title, String subtitle) {
    }

    /**
     * One horizontal bar of the staffing panel.
     *
     * @param note what the bar means next to its number
     */
    private record Bar(String label, SmallestRota rota, String colour, String note) {
    }

    private static void legend(SvgCanvas svg, double x, double y) {
        svg.rect(x, y - 11, 14, 14, CRISISLINE).text(x + 20, y, "Crisisline (all protections on)", 13, "start", false);
        svg.rect(x + 230, y - 11, 14, 14, BASELINE).text(x + 250, y, "Longest idle (baseline)", 13, "start", false);
    }

    /**
     * Grouped vertical bars, one group per label and one bar per series (Crisisline, baseline), with a
     * dashed target line. An infinite value is drawn hatched to the top of the scale.
     */
    private static void verticalBars(SvgCanvas svg, Panel panel, List<String> groups, List<double[]> series,
                                     double target, DoubleFunction<String> format) {
        svg.text(panel.x(), panel.y() - 22, panel.title(), 15, "start", true);
        svg.text(panel.x(), panel.y() - 6, panel.subtitle(), 12, "start", false);
        double top = target;
        for (double[] values : series) {
            for (double v : values) {
                if (Double.isFinite(v)) {
                    top = Math.max(top, v);
                }
            }
        }
        top *= 1.15;
        double bottom = panel.y() + panel.height();
        svg.line(panel.x(), bottom, panel.x() + panel.width(), bottom, "#444", false);
        double groupWidth = panel.width() / groups.size();
        double barWidth = Math.min(60, groupWidth * 0.8 / series.size());
        String[] colours = {CRISISLINE, BASELINE};
        for (int g = 0; g < groups.size(); g++) {
            double groupStart = panel.x() + g * groupWidth + (groupWidth - barWidth * series.size()) / 2;
            for (int s = 0; s < series.size(); s++) {
                double value = series.get(s)[g];
                double x = groupStart + s * barWidth;
                if (Double.isNaN(value)) {
                    continue;
                }
                double h = Double.isInfinite(value) ? panel.height() : panel.height() * value / top;
                if (Double.isInfinite(value)) {
                    svg.hatched(x + 2, bottom - h, barWidth - 4, h, colours[s]);
                } else {
                    svg.rect(x + 2, bottom - h, barWidth - 4, h, colours[s]);
                }
                svg.text(x + barWidth / 2, bottom - h - 4, format.apply(value), 11, "middle", false);
            }
            svg.text(panel.x() + g * groupWidth + groupWidth / 2, bottom + 16, groups.get(g), 12, "middle", false);
        }
        double targetY = bottom - panel.height() * target / top;
        svg.line(panel.x(), targetY, panel.x() + panel.width(), targetY, TARGET, true);
    }

    private static List<Bar> staffingRows(StudyResult result) {
        List<Bar> bars = new ArrayList<>();
        int reference = result.reference().staffHours();
        bars.add(new Bar("Longest idle (baseline)", result.baselineSmallest(), BASELINE,
                againstDaysRota(result.baselineSmallest(), reference)));
        SmallestRota allOn = result.crisislineSmallest();
        bars.add(new Bar("Crisisline, all protections on", allOn, CRISISLINE, againstDaysRota(allOn, reference)));
        for (StudyResult.ProtectionPrice price : result.protections()) {
            String note = allOn.found() && price.smallest().found() ? costNote(price.costInStaffHours(allOn)) : "";
            bars.add(new Bar("without: " + price.protection().label(), price.smallest(), VARIANT, note));
        }
        return bars;
    }

    private static String againstDaysRota(SmallestRota rota, int reference) {
        return Format.change((double) rota.staffHours() / reference) + " on the day's rota";
    }

    private static String costNote(int cost) {
        if (cost == 0) {
            return "the protection costs nothing";
        }
        return String.format(Locale.ROOT, "the protection %s %d staff-h", cost > 0 ? "costs" : "saves",
                Math.abs(cost));
    }

    /** Horizontal bars of staff-hours needed to meet both targets, with the day's own rota marked. */
    private static void staffingBars(SvgCanvas svg, double top, StudyResult result, List<Bar> bars) {
        svg.text(40, top, "Staff-hours a day needed to meet both targets", 15, "start", true);
        String targets = String.format(Locale.ROOT, "tier-1 strict p90 <= %s and hung up <= %s, %d days pooled; "
                        + "the day's rota scaled in steps of %.0f%%",
                Format.seconds(Seconds.of(result.targets().tierOneStrictP90())),
                Format.percent(result.targets().maxAbandonedShare()), result.days(), RotaSearch.STEP * 100);
        svg.text(40, top + 16, targets, 12, "start", false);
        double labelWidth = 320;
        double x0 = 40 + labelWidth;
        double width = WIDTH - x0 - 250;
        double most = result.reference().staffHours();
        for (Bar bar : bars) {
            most = Math.max(most, bar.rota().staffHours());
        }
        double scale = width / (most * 1.05);
        double y = top + 40;
        for (Bar bar : bars) {
            double w = bar.rota().staffHours() * scale;
            svg.text(x0 - 8, y + 15, bar.label(), 12, "end", false);
            if (bar.rota().found()) {
                svg.rect(x0, y + 3, w, ROW_HEIGHT - 8, bar.colour());
                svg.text(x0 + w + 6, y + 15, String.format(Locale.ROOT, "%d: %s", bar.rota().staffHours(),
                        bar.note()), 12, "start", false);
            } else {
                svg.hatched(x0, y + 3, w, ROW_HEIGHT - 8, bar.colour());
                svg.text(x0 + w + 6, y + 15, String.format(Locale.ROOT, "not met at %d", bar.rota().staffHours()), 12,
                        "start", false);
            }
            y += ROW_HEIGHT;
        }
        double referenceX = x0 + result.reference().staffHours() * scale;
        svg.line(referenceX, top + 32, referenceX, y + 4, TARGET, true);
        svg.text(referenceX, y + 20, String.format(Locale.ROOT, "day's rota: %d", result.reference().staffHours()), 11,
                "middle", false);
    }
}
