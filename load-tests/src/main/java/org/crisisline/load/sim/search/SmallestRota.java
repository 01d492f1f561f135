package org.crisisline.load.sim.search;

import org.crisisline.load.sim.metrics.PooledResult;
import org.crisisline.load.sim.staff.HourlyRota;

/**
 * The smallest scaled rota with which a strategy met the targets, or, when none up to the largest
 * factor tried did, that largest rota and how it fared.
 *
 * @param factor the reference rota's per-hour counts were multiplied by this (then rounded)
 */
public record SmallestRota(String strategy, boolean found, double factor, HourlyRota rota, PooledResult result) {
    public int staffHours() {
        return rota.staffHours();
    }
}
