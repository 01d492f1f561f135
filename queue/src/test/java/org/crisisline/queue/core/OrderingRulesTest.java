package org.crisisline.queue.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.crisisline.queue.model.Tier.CHECK_IN;
import static org.crisisline.queue.model.Tier.CRISIS;
import static org.crisisline.queue.model.Tier.IMMEDIATE_RISK;
import static org.crisisline.queue.model.Tier.SUPPORT;
import static org.crisisline.queue.testing.CallerBuilder.aCaller;
import static org.crisisline.queue.testing.OperativeBuilder.anOperative;
import static org.crisisline.queue.testing.QueueHarness.LEAD;
import static org.crisisline.queue.testing.QueueHarness.OPERATIVE;

import java.time.Duration;
import java.time.Instant;
import org.crisisline.queue.callback.CheckInPlan;
import org.crisisline.queue.model.CallKind;
import org.crisisline.queue.model.CallerRef;
import org.crisisline.queue.model.Language;
import org.crisisline.queue.model.CallState;
import org.crisisline.queue.model.OperativeState;
import org.crisisline.queue.testing.QueueHarness;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * DOMAIN.md, "Tiers": the order in which waiting callers are served. No operative is logged on unless
 * a test needs one, so nobody leaves the line while the order is read.
 */
@DisplayName("The order of the waiting line")
class OrderingRulesTest {
    private final QueueHarness queue = QueueHarness.withDefaults();

    @Test
    @DisplayName("a tier-1 caller goes ahead of every lower tier, however long those have waited")
    void tierOneCallerIsNeverOvertaken() {
        queue.enqueue(aCaller("support").inTier(SUPPORT));
        queue.advance(Duration.ofHours(2));
        queue.enqueue(aCaller("crisis").inTier(CRISIS));
        queue.advance(Duration.ofHours(1));
        queue.enqueue(aCaller("danger").inTier(IMMEDIATE_RISK));
        queue.advanceSeconds(1);
        queue.enqueue(aCaller("later-crisis").inTier(CRISIS));
        queue.runFor(Duration.ofHours(3));

        assertThat(queue.waitingInOrder()).first().isEqualTo("danger");
        assertThat(queue.waitingInOrder()).containsExactly("danger", "support", "crisis", "later-crisis");
    }

    @Test
    @DisplayName("tier-1 callers are served among themselves in the order they joined")
    void tierOneCallersAreFirstComeFirstServed() {
        queue.enqueue(aCaller("first").inTier(IMMEDIATE_RISK));
        queue.advanceSeconds(3);
        queue.enqueue(aCaller("second").inTier(IMMEDIATE_RISK));

        assertThat(queue.waitingInOrder()).containsExactly("first", "second");
    }

    @Test
    @DisplayName("a support caller is overtaken by a crisis caller only within the 4-minute aging handicap")
    void supportCallerIsOvertakenOnlyWithinTheAgingHandicap() {
        queue.enqueue(aCaller("support").inTier(SUPPORT));
        queue.advance(Duration.ofMinutes(4).minusSeconds(1));
        queue.enqueue(aCaller("crisis-within-handicap").inTier(CRISIS));
        queue.advanceSeconds(2);
        queue.enqueue(aCaller("crisis-after-handicap").inTier(CRISIS));

        assertThat(queue.waitingInOrder())
                .containsExactly("crisis-within-handicap", "support", "crisis-after-handicap");
    }

    @Test
    @DisplayName("a waiting support caller is never starved: every crisis caller arriving after the handicap queues behind")
    void waitingRaisesALowerTiersPriority() {
        queue.enqueue(aCaller("support").inTier(SUPPORT));
        for (int i = 0; i < 10; i++) {
            queue.advanceSeconds(70);
            queue.enqueue(aCaller("crisis-" + i).inTier(CRISIS));
        }

        // Callers who joined within 4 minutes of the support caller (70, 140, 210 s) go first; the rest after.
        assertThat(queue.waitingInOrder().indexOf("support")).isEqualTo(3);
        assertThat(queue.waitingInOrder().subList(0, 3)).containsExactly("crisis-0", "crisis-1", "crisis-2");
    }

    @Test
    @DisplayName("a check-in is overtaken only by callers who joined within its 10-minute handicap")
    void checkInsAgeWithinTheirOwnHandicap() {
        queue.scheduleCheckIns(new CheckInPlan("series", new CallerRef("p"), Language.ENGLISH, false,
                queue.now().plus(Duration.ofMinutes(15)), Duration.ofDays(7), 3));
        queue.runFor(0);
        String checkIn = "series/check-in-1";
        assertThat(queue.stateOf(checkIn)).isEqualTo(CallState.WAITING);
        assertThat(queue.call(checkIn).tier()).isEqualTo(CHECK_IN);

        queue.advance(Duration.ofMinutes(9));
        queue.enqueue(aCaller("crisis-within").inTier(CRISIS));
        queue.advance(Duration.ofMinutes(2));
        queue.enqueue(aCaller("crisis-after").inTier(CRISIS));

        assertThat(queue.waitingInOrder()).containsExactly("crisis-within", checkIn, "crisis-after");
    }

    @Test
    @DisplayName("re-tiering a waiting caller moves them to the place their new tier gives their join time")
    void retieringAWaitingCallerMovesThem() {
        queue.enqueue(aCaller("support").inTier(SUPPORT));
        queue.advance(Duration.ofMinutes(1));
        queue.enqueue(aCaller("crisis").inTier(CRISIS));
        queue.advance(Duration.ofMinutes(1));
        queue.enqueue(aCaller("danger").inTier(IMMEDIATE_RISK));
        Instant supportJoined = queue.call("support").joinedAt();
        assertThat(queue.waitingInOrder()).containsExactly("danger", "crisis", "support");

        queue.retier("support", CRISIS, OPERATIVE, "crisis after all");
        assertThat(queue.waitingInOrder()).containsExactly("danger", "support", "crisis");

        queue.retier("support", IMMEDIATE_RISK, OPERATIVE, "pressed 1 on the second prompt");
        assertThat(queue.waitingInOrder()).containsExactly("support", "danger", "crisis");

        queue.retier("danger", SUPPORT, LEAD, "mis-keyed: wants housing advice");
        assertThat(queue.waitingInOrder()).containsExactly("support", "crisis", "danger");

        assertThat(queue.call("support").joinedAt()).isEqualTo(supportJoined);
    }

    @Test
    @DisplayName("a caller whose offer was not answered keeps their place at the head of the line")
    void placeIsKeptAfterAnUnansweredOffer() {
        queue.enqueue(aCaller("first").inTier(CRISIS));
        queue.advanceSeconds(1);
        queue.enqueue(aCaller("second").inTier(CRISIS));
        queue.advanceSeconds(1);
        queue.enqueue(aCaller("third").inTier(CRISIS));
        queue.logOn(anOperative("op1"));
        queue.logOn(anOperative("op2"));
        assertThat(queue.operativeOf("first")).isEqualTo("op1");
        assertThat(queue.waitingInOrder()).containsExactly("second", "third");

        queue.notAnswered("first");

        assertThat(queue.operative("op1").state()).isEqualTo(OperativeState.NOT_READY);
        assertThat(queue.stateOf("first")).isEqualTo(CallState.WAITING);
        assertThat(queue.waitingInOrder()).containsExactly("first", "second", "third");
    }

    @Test
    @DisplayName("a caller on virtual hold keeps their join time and their place while they are off the line")
    void placeIsKeptAcrossVirtualHold() {
        queue.enqueue(aCaller("first").inTier(SUPPORT));
        queue.advance(Duration.ofMinutes(1));
        queue.enqueue(aCaller("second").inTier(SUPPORT));
        queue.advance(Duration.ofMinutes(1));
        Instant joined = queue.call("first").joinedAt();

        queue.virtualHold("first");
        queue.end("first");
        queue.advance(Duration.ofMinutes(10));
        queue.enqueue(aCaller("third").inTier(SUPPORT));

        assertThat(queue.call("first").kind()).isEqualTo(CallKind.VIRTUAL_HOLD);
        assertThat(queue.call("first").joinedAt()).isEqualTo(joined);
        assertThat(queue.waitingInOrder()).containsExactly("first", "second", "third");
    }

    @Test
    @DisplayName("with fifo ordering (the baseline) callers are served in the order they joined, whatever the tier")
    void fifoOrderingIgnoresTiers() {
        QueueHarness fifo = QueueHarness.withSettings("ordering", "fifo");
        fifo.enqueue(aCaller("support").inTier(SUPPORT));
        fifo.advanceSeconds(1);
        fifo.enqueue(aCaller("danger").inTier(IMMEDIATE_RISK));

        assertThat(fifo.waitingInOrder()).containsExactly("support", "danger");
    }
}
