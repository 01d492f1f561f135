package org.crisisline.queue.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.crisisline.queue.model.Tier.CRISIS;
import static org.crisisline.queue.model.Tier.IMMEDIATE_RISK;
import static org.crisisline.queue.model.Tier.SUPPORT;
import static org.crisisline.queue.testing.CallerBuilder.aCaller;
import static org.crisisline.queue.testing.OperativeBuilder.anOperative;
import static org.crisisline.queue.testing.QueueHarness.LEAD;
import static org.crisisline.queue.testing.QueueHarness.OPERATIVE;
import static org.crisisline.queue.testing.QueueHarness.START;
import static org.crisisline.queue.testing.QueueHarness.only;

import java.time.Duration;
import java.util.List;
import org.crisisline.queue.callback.CallbackSlot;
import org.crisisline.queue.callback.CheckInPlan;
import org.crisisline.queue.callback.Rota;
import org.crisisline.queue.event.Outcome;
import org.crisisline.queue.event.QueueEvent;
import org.crisisline.queue.event.QueueEvent.ScreenResult;
import org.crisisline.queue.event.QueueEvent.CallCompleted;
import org.crisisline.queue.event.QueueEvent.CallerAbandoned;
import org.crisisline.queue.model.CallId;
import org.crisisline.queue.model.CallState;
import org.crisisline.queue.model.CallerRef;
import org.crisisline.queue.model.Language;
import org.crisisline.queue.model.OperativeId;
import org.crisisline.queue.model.OperativeState;
import org.crisisline.queue.testing.CallerBuilder;
import org.crisisline.queue.testing.QueueHarness;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The PBX repeats itself (a duplicate Hangup, a replayed enqueue after a reconnect): every command,
 * repeated, changes nothing the second time and returns no events.
 */
@DisplayName("Repeated commands change nothing")
class IdempotencyTest {
    private final QueueHarness queue = QueueHarness.withDefaults();

    private static void changedNothing(Outcome repeat) {
        assertThat(repeat.isApplied()).as("a repeat is not an error").isTrue();
        assertThat(repeat.events()).as("a repeat reports nothing").isEmpty();
    }

    @Test
    @DisplayName("enqueueing the same call twice queues it once")
    void repeatedEnqueueChangesNothing() {
        CallerBuilder caller = aCaller("c1").inTier(CRISIS).joinedAt(START);
        queue.enqueue(caller);
        queue.advanceSeconds(5);

        changedNothing(queue.enqueue(aCaller("c1").inTier(SUPPORT).joinedAt(queue.now())));
        assertThat(queue.waitingInOrder()).containsExactly("c1");
        assertThat(queue.call("c1").tier()).isEqualTo(CRISIS);
    }

    @Test
    @DisplayName("a replayed enqueue of a call that has ended does not bring it back")
    void enqueueAfterTheEndChangesNothing() {
        queue.enqueue(aCaller("c1").inTier(CRISIS).joinedAt(START));
        queue.end("c1");

        changedNothing(queue.enqueue(aCaller("c1").inTier(CRISIS).joinedAt(START)));
        assertThat(queue.isOpen("c1")).isFalse();
    }

    @Test
    @DisplayName("a repeated hang-up abandons the caller once")
    void repeatedHangUpAbandonsOnce() {
        queue.enqueue(aCaller("c1").inTier(CRISIS));

        Outcome first = queue.end("c1");

        assertThat(only(CallerAbandoned.class, first)).hasSize(1);
        changedNothing(queue.end("c1"));
    }

    @Test
    @DisplayName("a repeated end of a conversation completes the call once, and the operative's load grows once")
    void repeatedCallEndedCompletesOnce() {
        queue.logOn(anOperative("op1"));
        queue.enqueue(aCaller("danger").inTier(IMMEDIATE_RISK));
        queue.connect("danger");
        queue.runFor(Duration.ofMinutes(10));

        Outcome first = queue.end("danger");
        double load = queue.core().loadOf(OperativeId.of("op1"));

        assertThat(only(CallCompleted.class, first)).hasSize(1);
        changedNothing(queue.end("danger"));
        assertThat(queue.core().loadOf(OperativeId.of("op1"))).isEqualTo(load);
    }

    @Test
    @DisplayName("a repeated connect changes nothing, and after the end it is refused without changing anything")
    void repeatedConnectChangesNothing() {
        queue.logOn(anOperative("op1"));
        queue.enqueue(aCaller("danger").inTier(IMMEDIATE_RISK));
        queue.connect("danger");

        changedNothing(queue.connect("danger"));
        assertThat(queue.operative("op1").consecutiveTierOne()).isEqualTo(1);

        queue.end("danger");
        Outcome late = queue.connect("danger");
        assertThat(late.isApplied()).isFalse();
        assertThat(late.events()).isEmpty();
        assertThat(queue.operative("op1").state()).isEqualTo(OperativeState.RECOVERY);
    }

    @Test
    @DisplayName("a repeated 'not answered' for an offer that has already moved on to someone else changes nothing")
    void repeatedNotAnsweredAfterAReOfferChangesNothing() {
        queue.logOn(anOperative("op1"));
        queue.advanceSeconds(1);
        queue.logOn(anOperative("op2"));
        queue.enqueue(aCaller("danger").inTier(IMMEDIATE_RISK));
        assertThat(queue.operativeOf("danger")).isEqualTo("op1");
        queue.core().offerNotAnswered(CallId.of("danger"), OperativeId.of("op1"));
        assertThat(queue.operativeOf("danger")).isEqualTo("op2");

        changedNothing(queue.core().offerNotAnswered(CallId.of("danger"), OperativeId.of("op1")));
        assertThat(queue.operativeOf("danger")).isEqualTo("op2");
        assertThat(queue.operative("op2").state()).isEqualTo(OperativeState.RESERVED);
    }

    @Test
    @DisplayName("log-on, ready and log-off repeated change nothing")
    void repeatedStaffCommandsChangeNothing() {
        queue.logOn(anOperative("op1"));
        changedNothing(queue.logOn(anOperative("op1")));
        changedNothing(queue.ready("op1"));
        queue.logOff("op1");
        changedNothing(queue.logOff("op1"));
    }

    @Test
    @DisplayName("a lead's pause repeated records the override once")
    void repeatedPauseRecordsTheOverrideOnce() {
        queue.logOn(anOperative("op1"));
        queue.pause("op1", OperativeState.BREAK, LEAD, "overloaded");

        changedNothing(queue.pause("op1", OperativeState.BREAK, LEAD, "overloaded"));
    }

    @Test
    @DisplayName("a lead's pause repeated during a call records the override once")
    void repeatedPauseDuringACallRecordsTheOverrideOnce() {
        queue.logOn(anOperative("op1"));
        queue.enqueue(aCaller("danger").inTier(IMMEDIATE_RISK));
        queue.connect("danger");
        queue.pause("op1", OperativeState.BREAK, LEAD, "overloaded");

        changedNothing(queue.pause("op1", OperativeState.BREAK, LEAD, "overloaded"));
    }

    @Test
    @DisplayName("a re-tier to the tier a caller is already in changes nothing")
    void retierToTheSameTierChangesNothing() {
        queue.enqueue(aCaller("c1").inTier(CRISIS));

        changedNothing(queue.retier("c1", CRISIS, OPERATIVE, "still crisis"));
    }

    @Test
    @DisplayName("a repeated virtual hold, slot booking or 'caller unreachable' changes nothing")
    void repeatedCallbackCommandsChangeNothing() {
        queue.core().setRota(new Rota(List.of(new Rota.Block(START, START.plus(Duration.ofDays(1)), 8))));
        queue.enqueue(aCaller("s1").inTier(SUPPORT));
        queue.enqueue(aCaller("s2").inTier(SUPPORT));
        queue.virtualHold("s1");
        changedNothing(queue.virtualHold("s1"));

        CallbackSlot slot = queue.core().offerSlots().get(0);
        queue.bookSlot("s2", slot.start());
        changedNothing(queue.bookSlot("s2", slot.start()));
        assertThat(queue.core().offerSlots()).extracting(CallbackSlot::start).doesNotContain(slot.start());

        queue.logOn(anOperative("op1"));
        queue.logOn(anOperative("op2"));
        assertThat(queue.stateOf("s1")).isEqualTo(CallState.OFFERED);
        queue.unreachable("s1");
        changedNothing(queue.unreachable("s1"));
        assertThat(queue.call("s1").attempts()).isEqualTo(1);
    }

    @Test
    @DisplayName("a repeated check-in screen is recorded once and alerts the lead once; a new result is recorded")
    void repeatedScreenChangesNothing() {
        queue.logOn(anOperative("op1"));
        queue.logOn(anOperative("op2"));
        queue.scheduleCheckIns(new CheckInPlan("s", new CallerRef("p"), Language.ENGLISH, false, START,
                Duration.ofDays(7), 2));
        queue.runFor(0);
        queue.connect("s/check-in-1");
        CallId checkIn = CallId.of("s/check-in-1");
        assertThat(queue.core().screenCheckIn(checkIn, ScreenResult.URGENT).events()).isNotEmpty();

        changedNothing(queue.core().screenCheckIn(checkIn, ScreenResult.URGENT));
        assertThat(only(QueueEvent.CheckInScreened.class, queue.core().screenCheckIn(checkIn, ScreenResult.STABLE)))
                .hasSize(1);
    }

    @Test
    @DisplayName("a virtual-hold caller's hang-up repeated after the callback has started changes nothing")
    void repeatedHangUpOfAVirtualHoldCallerDoesNotFailTheCallback() {
        queue.enqueue(aCaller("s1").inTier(SUPPORT));
        queue.virtualHold("s1");
        changedNothing(queue.end("s1"));
        queue.logOn(anOperative("op1"));
        queue.logOn(anOperative("op2"));
        assertThat(queue.stateOf("s1")).isEqualTo(CallState.OFFERED);

        changedNothing(queue.end("s1"));
        assertThat(queue.operative(queue.operativeOf("s1")).state()).isEqualTo(OperativeState.RESERVED);
        assertThat(queue.call("s1").attempts()).isEqualTo(1);
    }
}
