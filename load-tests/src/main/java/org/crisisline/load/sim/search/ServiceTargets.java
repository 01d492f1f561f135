package org.crisisline.load.sim.search;

import java.time.Duration;
import org.crisisline.load.sim.Seconds;
import org.crisisline.load.sim.metrics.PooledResult;
import org.crisisline.load.sim.metrics.ReportRow;
import org.crisisline.queue.config.QueueConfig;
import org.crisisline.queue.model.Tier;

/**
 * What a rota must achieve, pooled over the simulated days: 90% of tier-1 callers answered within
 * {@code tierOneStrictP90}, counting a caller who hung up as never answered, and at most
 * {@code maxAbandonedShare} of all live callers hanging up.
 */
public record ServiceTargets(Duration tierOneStrictP90, double maxAbandonedShare) {
    /** The targets: tier 1's answer target from the configuration, and 5% abandonment. */
    public static ServiceTargets of(QueueConfig config) {
        return new ServiceTargets(config.rule(Tier.IMMEDIATE_RISK).answerTarget(), 0.05);
    }

    /** The same tier-1 target with no limit on abandonment. */
    public ServiceTargets tierOneOnly() {
        return new ServiceTargets(tierOneStrictP90, 1.0);
    }

    public boolean metBy(PooledResult result) {
        double p90 = result.row(ReportRow.TIER_1).strictP90();
        double abandoned = result.row(ReportRow.ALL_LIVE).abandonedShare();
        // NaN: there was no caller to answer or lose, so no target was missed.
        boolean tierOne = Double.isNaN(p90) || p90 <= Seconds.of(tierOneStrictP90);
        return tierOne && (Double.isNaN(abandoned) || abandoned <= maxAbandonedShare);
    }
}
