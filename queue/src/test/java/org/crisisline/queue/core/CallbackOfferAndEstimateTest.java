package org.crisisline.queue.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.crisisline.queue.model.Tier.CRISIS;
import static org.crisisline.queue.model.Tier.IMMEDIATE_RISK;
import static org.crisisline.queue.model.Tier.SUPPORT;
import static org.crisisline.queue.testing.CallerBuilder.aCaller;
import static org.crisisline.queue.testing.OperativeBuilder.anOperative;
import static org.crisisline.queue.testing.QueueHarness.only;

import java.time.Duration;
import org.crisisline.queue.event.Outcome;
import org.crisisline.queue.event.QueueEvent.VirtualHoldAccepted;
import org.crisisline.queue.model.CallId;
import org.crisisline.queue.model.Tier;
import org.crisisline.queue.policy.CallbackOfferRule;
import org.crisisline.queue.policy.CallbackOfferRule.NoOffer;
import org.crisisline.queue.policy.CallbackOfferRule.Offer;
import org.crisisline.queue.testing.QueueHarness;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * DOMAIN.md, "Tiers": who may be offered a callback, and the wait estimate the offer rests on
 * (callers ahead, over operatives staffed, times the mean handle time). Here the mean handle time is
 * one minute and one operative is staffed and busy, so a caller with n callers ahead is quoted n + 1
 * minutes.
 */
@DisplayName("Estimated wait and the callback offer")
class CallbackOfferAndEstimateTest {
    private final QueueHarness queue = QueueHarness.withSettings("estimates.initial-handle-time", "1m");

    @BeforeEach
    void oneOperativeStaffedAndBusy() {
        queue.logOn(anOperative("op1"));
        queue.enqueue(aCaller("busy").inTier(IMMEDIATE_RISK));
        queue.connect("busy");
    }

    private CallbackOfferRule.Decision offerTo(String call, boolean riskQuestionPassed) {
        return queue.core().callbackOffer(CallId.of(call), riskQuestionPassed);
    }

    private void enqueueInTurn(Tier tier, String... ids) {
        for (String id : ids) {
            queue.enqueue(aCaller(id).inTier(tier));
            queue.advanceSeconds(1);
        }
    }

    @Test
    @DisplayName("the estimate for a caller joining now counts the callers ahead, the operatives staffed and the mean handle time")
    void estimateForACallerJoiningNow() {
        enqueueInTurn(CRISIS, "c1", "c2", "c3");
        queue.logOn(anOperative("op2"));
        queue.enqueue(aCaller("busy-2").inTier(IMMEDIATE_RISK));

        // Three crisis callers ahead, nobody free, two staffed: (3 + 1) x 1 min / 2.
        assertThat(queue.core().estimatedWait(CRISIS)).isEqualTo(Duration.ofMinutes(2));
        // The tier-1 line is empty: a tier-1 caller joining now is next.
        assertThat(queue.core().estimatedWait(IMMEDIATE_RISK)).isEqualTo(Duration.ofSeconds(30));
        assertThat(queue.core().snapshot(10).estimatedWaitByTier()).containsEntry(CRISIS, Duration.ofMinutes(2));
    }

    @Test
    @DisplayName("a tier-1 caller is never offered a callback, however long the wait")
    void tierOneIsNeverOfferedACallback() {
        for (int i = 0; i < 20; i++) {
            queue.enqueue(aCaller("danger-" + i).inTier(IMMEDIATE_RISK));
        }

        assertThat(offerTo("danger-19", true)).isInstanceOf(NoOffer.class);
        assertThat(queue.virtualHold("danger-19")).isInstanceOfSatisfying(Outcome.Rejected.class,
                r -> assertThat(r.reason()).isEqualTo(Outcome.Rejection.NOT_ALLOWED_FOR_TIER));
    }

    @Test
    @DisplayName("a tier-2 caller is offered a callback only when the estimated wait is above 3 min")
    void tierTwoIsOfferedOnlyAboveThreeMinutes() {
        enqueueInTurn(CRISIS, "c1", "c2", "c3", "c4");

        assertThat(offerTo("c1", true)).isInstanceOf(NoOffer.class);
        assertThat(offerTo("c3", true)).isInstanceOf(NoOffer.class);
        assertThat(offerTo("c4", true)).isInstanceOfSatisfying(Offer.class,
                offer -> assertThat(offer.estimatedWait()).isEqualTo(Duration.ofMinutes(4)));
    }

    @Test
    @DisplayName("a tier-2 caller is offered a callback only after the risk question")
    void tierTwoIsOfferedOnlyAfterTheRiskQuestion() {
        enqueueInTurn(CRISIS, "c1", "c2", "c3", "c4", "c5");

        assertThat(offerTo("c5", false)).isInstanceOfSatisfying(NoOffer.class,
                no -> assertThat(no.reason()).contains("risk question"));
        assertThat(offerTo("c5", true)).isInstanceOf(Offer.class);
    }

    @Test
    @DisplayName("a tier-3 caller is offered a callback when the estimated wait is above 2 min, without a risk question")
    void tierThreeIsOfferedAboveTwoMinutes() {
        enqueueInTurn(SUPPORT, "s1", "s2", "s3");

        assertThat(offerTo("s2", false)).isInstanceOf(NoOffer.class);
        assertThat(offerTo("s3", false)).isInstanceOfSatisfying(Offer.class,
                offer -> assertThat(offer.estimatedWait()).isEqualTo(Duration.ofMinutes(3)));
    }

    @Test
    @DisplayName("a caller already talking to an operative is not offered a callback")
    void onlyAWaitingCallerIsOffered() {
        assertThat(offerTo("busy", true)).isInstanceOf(NoOffer.class);
        assertThat(offerTo("nobody", true)).isInstanceOf(NoOffer.class);
    }

    @Test
    @DisplayName("with callbacks switched off nobody is offered one, and a virtual hold is refused")
    void callbacksCanBeSwitchedOff() {
        QueueHarness off = QueueHarness.withSettings("callbacks.offered", "false", "estimates.initial-handle-time", "1m");
        for (int i = 0; i < 10; i++) {
            off.enqueue(aCaller("s" + i).inTier(SUPPORT));
        }

        assertThat(off.core().callbackOffer(CallId.of("s9"), true)).isInstanceOf(NoOffer.class);
        assertThat(off.virtualHold("s9")).isInstanceOfSatisfying(Outcome.Rejected.class,
                r -> assertThat(r.reason()).isEqualTo(Outcome.Rejection.CALLBACKS_NOT_OFFERED));
    }

    @Test
    @DisplayName("a virtual hold is on time when first tried within the quoted wait plus 10 min")
    void virtualHoldDeadlineIsTheQuotedWaitPlusGrace() {
        enqueueInTurn(SUPPORT, "s1", "s2", "s3");
        Offer offer = (Offer) offerTo("s3", false);

        Outcome outcome = queue.virtualHold("s3");

        assertThat(only(VirtualHoldAccepted.class, outcome)).singleElement().satisfies(v ->
                assertThat(v.onTimeBy()).isEqualTo(queue.now().plus(offer.estimatedWait()).plus(Duration.ofMinutes(10))));
        assertThat(queue.call("s3").dueBy()).contains(queue.now().plus(Duration.ofMinutes(13)));
    }
}
