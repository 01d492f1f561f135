package org.crisisline.queue.config;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.crisisline.queue.model.Tier;

/**
 * How one tier is treated.
 *
 * @param answerTarget       answer within this (for check-ins: the whole window around the due time)
 * @param agingHandicap      how much later than a tier-2 caller who joined at the same moment this tier is
 *                           served; a bounded head start, so a lower tier is never starved (ignored for tier 1,
 *                           which always goes first)
 * @param callbackOfferAbove offer a callback when the estimated wait is longer than this; empty: never
 * @param recoveryAfter      recovery time after a call of this tier
 * @param loadWeight         weight of a handled second of this tier in the emotional load
 */
public record TierRule(Tier tier, Duration answerTarget, Duration agingHandicap,
                       Optional<Duration> callbackOfferAbove, Duration recoveryAfter, double loadWeight) {
    public TierRule {
        Objects.requireNonNull(tier, "tier");
        Objects.requireNonNull(answerTarget, "answerTarget");
        Objects.requireNonNull(agingHandicap, "agingHandicap");
        Objects.requireNonNull(callbackOfferAbove, "callbackOfferAbove");
        Objects.requireNonNull(recoveryAfter, "recoveryAfter");
        if (tier == Tier.IMMEDIATE_RISK && callbackOfferAbove.isPresent()) {
            throw new IllegalArgumentException("a tier-1 caller is never offered a callback");
        }
    }
}
