package org.crisisline.load.sim.callers;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/** Draws one of several outcomes by weight (weights need not add up to exactly 1). Immutable. */
final class Categorical<T> {
    private final List<T> outcomes = new ArrayList<>();
    private final double[] cumulative;

    /** @param weights outcomes and weights, in a fixed iteration order (the draw depends on it) */
    Categorical(Map<T, Double> weights) {
        cumulative = new double[weights.size()];
        double total = 0;
        int i = 0;
        for (Map.Entry<T, Double> entry : weights.entrySet()) {
            outcomes.add(entry.getKey());
            total += entry.getValue();
            cumulative[i++] = total;
        }
        if (total <= 0) {
            throw new IllegalArgumentException("no outcome has any weight");
        }
    }

    T draw(RandomGenerator random) {
        double point = random.nextDouble() * cumulative[cumulative.length - 1];
        for (int i = 0; i < cumulative.length; i++) {
            if (point < cumulative[i]) {
                return outcomes.get(i);
            }
        }
        return outcomes.get(outcomes.size() - 1);
    }
}
