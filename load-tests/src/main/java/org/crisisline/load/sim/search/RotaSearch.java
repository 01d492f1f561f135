package org.crisisline.load.sim.search;

import java.util.function.Function;
import org.crisisline.load.sim.metrics.PooledResult;
import org.crisisline.load.sim.staff.HourlyRota;

/**
 * Finds the smallest multiple of a reference rota (in steps of {@link #STEP}, each hour rounded to
 * whole operatives) with which a strategy meets the {@link ServiceTargets}.
 *
 * <p>Staff-hours never fall as the factor grows, and outcomes pooled over many days improve with staff
 * almost everywhere, so the search brackets the boundary from the reference rota outwards and then
 * bisects it: about ten evaluations instead of hundreds. The evaluation function is asked again for
 * a rota it has seen (many factors round to the same rota), so it should remember its answers.
 */
public final class RotaSearch {
    /** Factor resolution: 1% of the reference rota. */
    public static final double STEP = 0.01;
    private static final int SMALLEST = 10;
    private static final int LARGEST = 400;
    private static final int REFERENCE = 100;
    private static final int FIRST_STRIDE = 8;

    private final HourlyRota reference;
    private final ServiceTargets targets;
    private final Function<HourlyRota, PooledResult> evaluate;

    /** @param evaluate runs a strategy on a rota; deterministic */
    public RotaSearch(HourlyRota reference, ServiceTargets targets, Function<HourlyRota, PooledResult> evaluate) {
        this.reference = reference;
        this.targets = targets;
        this.evaluate = evaluate;
    }

    public SmallestRota smallest(String strategy) {
        int meets;
        int fails;
        int stride = FIRST_STRIDE;
        if (meetsAt(REFERENCE)) {
            meets = REFERENCE;
            while (true) {
                int lower = Math.max(SMALLEST, meets - stride);
                if (!meetsAt(lower)) {
                    fails = lower;
                    break;
                }
                if (lower == SMALLEST) {
                    return found(strategy, SMALLEST);
                }
                meets = lower;
                stride *= 2;
            }
        } else {
            fails = REFERENCE;
            while (true) {
                int higher = Math.min(LARGEST, fails + stride);
                if (meetsAt(higher)) {
                    meets = higher;
                    break;
                }
                if (higher == LARGEST) {
                    return new SmallestRota(strategy, false, factor(LARGEST), rotaAt(LARGEST), resultAt(LARGEST));
                }
                fails = higher;
                stride *= 2;
            }
        }
        while (meets - fails > 1) {
            int middle = (meets + fails) / 2;
            if (meetsAt(middle)) {
                meets = middle;
            } else {
                fails = middle;
            }
        }
        return found(strategy, meets);
    }

    private SmallestRota found(String strategy, int step) {
        return new SmallestRota(strategy, true, factor(step), rotaAt(step), resultAt(step));
    }

    private boolean meetsAt(int step) {
        return targets.metBy(resultAt(step));
    }

    private PooledResult resultAt(int step) {
        return evaluate.apply(rotaAt(step));
    }

    private HourlyRota rotaAt(int step) {
        return reference.scaled(factor(step));
    }

    private static double factor(int step) {
        return step * STEP;
    }
}
