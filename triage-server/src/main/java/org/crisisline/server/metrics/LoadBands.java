package org.crisisline.server.metrics;

import java.util.List;

/**
 * Bands of emotional load (weighted seconds, DOMAIN.md "Emotional load") for the leads' at-a-glance view:
 * below {@code mediumFrom} is low, below {@code highFrom} medium, else high. The defaults are an hour and
 * two hours of tier-2 work ({@code 2 × 3600} and {@code 2 × 7200} weighted seconds). Immutable.
 */
public record LoadBands(double mediumFrom, double highFrom) {
    public static final List<String> NAMES = List.of("low", "medium", "high");

    public LoadBands {
        if (!(mediumFrom > 0) || !(highFrom > mediumFrom)) {
            throw new IllegalArgumentException("load bands need 0 < medium-from < high-from");
        }
    }

    public static LoadBands defaults() {
        return new LoadBands(7_200, 14_400);
    }

    public String bandOf(double load) {
        return load < mediumFrom ? "low" : load < highFrom ? "medium" : "high";
    }
}
