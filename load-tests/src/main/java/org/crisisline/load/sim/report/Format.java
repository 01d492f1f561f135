package org.crisisline.load.sim.report;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * How numbers read in the printed report and the chart: NaN (nothing to measure) as "-", an infinite
 * time (a caller who hung up was never answered) as "never".
 */
final class Format {
    private Format() {
    }

    static String seconds(double seconds) {
        if (Double.isNaN(seconds)) {
            return "-";
        }
        if (Double.isInfinite(seconds)) {
            return "never";
        }
        return seconds < 100 ? String.format(Locale.ROOT, "%.1f s", seconds)
                : String.format(Locale.ROOT, "%.0f s", seconds);
    }

    static String percent(double share) {
        return Double.isNaN(share) ? "-" : String.format(Locale.ROOT, "%.1f%%", share * 100);
    }

    /** A signed change in percent, e.g. "+4.2%". */
    static String change(double ratio) {
        return String.format(Locale.ROOT, "%+.1f%%", (ratio - 1) * 100);
    }

    /** Emotional load in tier-weighted hours (the core counts weighted seconds). */
    static String load(double weightedSeconds) {
        return String.format(Locale.ROOT, "%.1f h", weightedSeconds / 3600);
    }

    /** A duration in the largest whole unit that fits: "8 h", "15 min", "30 s", "2.5 s". */
    static String duration(Duration duration) {
        if (!duration.isZero() && duration.toMillis() % 3_600_000 == 0) {
            return duration.toHours() + " h";
        }
        if (!duration.isZero() && duration.toMillis() % 60_000 == 0) {
            return duration.toMinutes() + " min";
        }
        return wholeOrOneDecimal(duration.toMillis() / 1000.0) + " s";
    }

    /** A range of seconds: "2-4 s". */
    static String range(Duration min, Duration max) {
        return wholeOrOneDecimal(min.toMillis() / 1000.0) + "-" + wholeOrOneDecimal(max.toMillis() / 1000.0) + " s";
    }

    /** Prose broken into lines of at most {@code width} characters, at spaces. */
    static List<String> wrap(String text, int width) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.trim().split("\\s+")) {
            if (word.isEmpty()) {
                continue;
            }
            if (line.length() > 0 && line.length() + 1 + word.length() > width) {
                lines.add(line.toString());
                line.setLength(0);
            }
            line.append(line.length() > 0 ? " " : "").append(word);
        }
        if (line.length() > 0) {
            lines.add(line.toString());
        }
        return lines;
    }

    private static String wholeOrOneDecimal(double value) {
        return value == Math.rint(value) ? String.format(Locale.ROOT, "%.0f", value)
                : String.format(Locale.ROOT, "%.1f", value);
    }

    static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }
}
