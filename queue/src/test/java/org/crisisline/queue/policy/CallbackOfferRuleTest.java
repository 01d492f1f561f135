package org.crisisline.queue.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.crisisline.queue.config.QueueConfig;
import org.crisisline.queue.config.QueueConfigReader;
import org.crisisline.queue.model.Tier;
import org.crisisline.queue.policy.CallbackOfferRule.NoOffer;
import org.crisisline.queue.policy.CallbackOfferRule.Offer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The callback-offer rule, at its boundaries")
class CallbackOfferRuleTest {
    private final CallbackOfferRule rule = new CallbackOfferRule(QueueConfig.defaults());

    @Test
    @DisplayName("tier 1: never, whatever the wait and the answers")
    void neverForTierOne() {
        assertThat(rule.decide(Tier.IMMEDIATE_RISK, true, Duration.ofHours(5))).isInstanceOf(NoOffer.class);
    }

    @Test
    @DisplayName("tier 2: only after the risk question, and only above 3 min")
    void tierTwoAfterTheRiskQuestionAboveThreeMinutes() {
        assertThat(rule.decide(Tier.CRISIS, false, Duration.ofMinutes(30))).isInstanceOf(NoOffer.class);
        assertThat(rule.decide(Tier.CRISIS, true, Duration.ofMinutes(3))).isInstanceOf(NoOffer.class);
        assertThat(rule.decide(Tier.CRISIS, true, Duration.ofMinutes(3).plusSeconds(1))).isInstanceOf(Offer.class);
    }

    @Test
    @DisplayName("tier 3: above 2 min, with or without the risk question")
    void tierThreeAboveTwoMinutes() {
        assertThat(rule.decide(Tier.SUPPORT, false, Duration.ofMinutes(2))).isInstanceOf(NoOffer.class);
        assertThat(rule.decide(Tier.SUPPORT, false, Duration.ofMinutes(2).plusSeconds(1))).isInstanceOf(Offer.class);
    }

    @Test
    @DisplayName("a tier set to 'never' and callbacks switched off are both refusals with a reason")
    void switchedOff() {
        CallbackOfferRule never = new CallbackOfferRule(QueueConfigReader.read(
                Map.of("tiers.support.callback-offer-above", "never")));
        CallbackOfferRule off = new CallbackOfferRule(QueueConfig.defaults().withCallbacksOffered(false));

        assertThat(never.decide(Tier.SUPPORT, true, Duration.ofHours(1))).isInstanceOfSatisfying(NoOffer.class,
                no -> assertThat(no.reason()).contains("never"));
        assertThat(off.decide(Tier.SUPPORT, true, Duration.ofHours(1))).isInstanceOfSatisfying(NoOffer.class,
                no -> assertThat(no.reason()).contains("switched off"));
    }
}
