package org.crisisline.load.sim.metrics;

import java.util.Arrays;

/**
 * Nearest-rank percentiles of a sample: the p-th percentile is the smallest value with at least
 * p of the sample at or below it, so it is always a value that occurred. {@code +Infinity} may stand
 * for "never" (a caller who hung up was never answered); NaN means an empty sample.
 */
public final class Percentiles {
    private Percentiles() {
    }

    /** @param fraction 0 < fraction <= 1, e.g. 0.9 for p90 */
    public static double of(double[] values, double fraction) {
        if (values.length == 0) {
            return Double.NaN;
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(fraction * sorted.length);
        return sorted[Math.max(0, rank - 1)];
    }

    public static double max(double[] values) {
        return values.length == 0 ? Double.NaN : Arrays.stream(values).max().getAsDouble();
    }
}
