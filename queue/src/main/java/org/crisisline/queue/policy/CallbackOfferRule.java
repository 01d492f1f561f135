package org.crisisline.queue.policy;

import java.time.Duration;
import java.util.Optional;
import org.crisisline.queue.config.QueueConfig;
import org.crisisline.queue.model.Tier;

/**
 * Whether a waiting caller may be offered a callback (DOMAIN.md, "Tiers"): never in tier 1; in tier 2
 * only after the risk question has been answered "no immediate danger" and when the estimated wait is
 * above the tier's threshold; in tier 3 when the estimated wait is above its threshold.
 */
public final class CallbackOfferRule {
    private final QueueConfig config;

    public CallbackOfferRule(QueueConfig config) {
        this.config = config;
    }

    /** The decision, with the reason a lead or a test can read. */
    public sealed interface Decision permits Offer, NoOffer {
    }

    public record Offer(Duration estimatedWait) implements Decision {
    }

    public record NoOffer(String reason) implements Decision {
    }

    public Decision decide(Tier tier, boolean riskQuestionPassed, Duration estimatedWait) {
        if (!config.callbacksOffered()) {
            return new NoOffer("callbacks are switched off");
        }
        if (tier == Tier.IMMEDIATE_RISK) {
            return new NoOffer("a tier-1 caller stays live until answered");
        }
        if (tier == Tier.CRISIS && !riskQuestionPassed) {
            return new NoOffer("tier 2 is offered a callback only after the risk question");
        }
        Optional<Duration> threshold = config.rule(tier).callbackOfferAbove();
        if (threshold.isEmpty()) {
            return new NoOffer("tier " + tier.number() + " is never offered a callback");
        }
        if (estimatedWait.compareTo(threshold.get()) <= 0) {
            return new NoOffer("estimated wait " + estimatedWait.toSeconds() + " s is within "
                    + threshold.get().toSeconds() + " s");
        }
        return new Offer(estimatedWait);
    }
}
