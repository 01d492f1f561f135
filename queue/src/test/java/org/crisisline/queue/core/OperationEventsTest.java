package org.crisisline.queue.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.crisisline.queue.model.Tier.CRISIS;
import static org.crisisline.queue.model.Tier.IMMEDIATE_RISK;
import static org.crisisline.queue.model.Tier.SUPPORT;
import static org.crisisline.queue.testing.CallerBuilder.aCaller;
import static org.crisisline.queue.testing.OperativeBuilder.anOperative;
import static org.crisisline.queue.testing.QueueHarness.LEAD;
import static org.crisisline.queue.testing.QueueHarness.START;
import static org.crisisline.queue.testing.QueueHarness.only;
import static org.crisisline.queue.testing.QueueHarness.typesOf;

import java.time.Duration;
import java.util.List;
import org.crisisline.queue.callback.CallbackSlot;
import org.crisisline.queue.callback.CheckInPlan;
import org.crisisline.queue.callback.Rota;
import org.crisisline.queue.event.Outcome;
import org.crisisline.queue.event.QueueEvent;
import org.crisisline.queue.event.QueueEvent.CallCompleted;
import org.crisisline.queue.event.QueueEvent.CallConnected;
import org.crisisline.queue.event.QueueEvent.CallbackAttemptFailed;
import org.crisisline.queue.event.QueueEvent.CallbackBooked;
import org.crisisline.queue.event.QueueEvent.CallbackRetryScheduled;
import org.crisisline.queue.event.QueueEvent.CallerAbandoned;
import org.crisisline.queue.event.QueueEvent.CallerQueued;
import org.crisisline.queue.event.QueueEvent.CallerRetiered;
import org.crisisline.queue.event.QueueEvent.CheckInScheduled;
import org.crisisline.queue.event.QueueEvent.CheckInScreened;
import org.crisisline.queue.event.QueueEvent.CheckInSeriesScheduled;
import org.crisisline.queue.event.QueueEvent.ClinicalLeadAlerted;
import org.crisisline.queue.event.QueueEvent.OfferNotAnswered;
import org.crisisline.queue.event.QueueEvent.OperativeAssigned;
import org.crisisline.queue.event.QueueEvent.OperativeStateChanged;
import org.crisisline.queue.event.QueueEvent.OverrideRecorded;
import org.crisisline.queue.event.QueueEvent.ScreenResult;
import org.crisisline.queue.event.QueueEvent.VirtualHoldAccepted;
import org.crisisline.queue.model.CallId;
import org.crisisline.queue.model.CallerRef;
import org.crisisline.queue.model.Language;
import org.crisisline.queue.model.OperativeId;
import org.crisisline.queue.model.OperativeState;
import org.crisisline.queue.testing.QueueHarness;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * STYLE.md, "The core rule": a domain operation returns what happened, never void with hidden side
 * effects. One test per operation, naming the events it returns, in order, stamped with the time.
 */
@DisplayName("Every operation returns the events it caused")
class OperationEventsTest {
    private final QueueHarness queue = QueueHarness.withDefaults();

    private static OperativeStateChanged stateChange(String operative, OperativeState from, OperativeState to) {
        return new OperativeStateChanged(null, OperativeId.of(operative), from, to);
    }

    private static void hasStateChanges(Outcome outcome, OperativeStateChanged... expected) {
        assertThat(only(OperativeStateChanged.class, outcome))
                .usingRecursiveFieldByFieldElementComparatorIgnoringFields("at")
                .containsExactly(expected);
    }

    private void allStampedNow(Outcome outcome) {
        assertThat(outcome.events()).extracting(QueueEvent::at).containsOnly(queue.now());
    }

    @Test
    @DisplayName("enqueue: CallerQueued carrying the call")
    void enqueue() {
        queue.advanceSeconds(7);
        Outcome outcome = queue.enqueue(aCaller("c1").inTier(CRISIS));

        assertThat(typesOf(outcome)).containsExactly(CallerQueued.class);
        assertThat(only(CallerQueued.class, outcome).get(0).call()).isEqualTo(queue.call("c1"));
        allStampedNow(outcome);
    }

    @Test
    @DisplayName("enqueue with someone free: queued, then the operative reserved and assigned")
    void enqueueThatIsDispatched() {
        queue.logOn(anOperative("clinician").clinical());

        Outcome outcome = queue.enqueue(aCaller("danger").inTier(IMMEDIATE_RISK));

        assertThat(typesOf(outcome)).containsExactly(CallerQueued.class, OperativeStateChanged.class,
                OperativeAssigned.class);
        hasStateChanges(outcome, stateChange("clinician", OperativeState.AVAILABLE, OperativeState.RESERVED));
    }

    @Test
    @DisplayName("log on: OFFLINE to AVAILABLE")
    void logOn() {
        Outcome outcome = queue.logOn(anOperative("op1"));

        assertThat(typesOf(outcome)).containsExactly(OperativeStateChanged.class);
        hasStateChanges(outcome, stateChange("op1", OperativeState.OFFLINE, OperativeState.AVAILABLE));
        allStampedNow(outcome);
    }

    @Test
    @DisplayName("log on while a tier-1 caller waits: available, reserved, assigned, and the lead alerted (not a clinician)")
    void logOnThatIsDispatched() {
        queue.enqueue(aCaller("danger").inTier(IMMEDIATE_RISK));

        Outcome outcome = queue.logOn(anOperative("op1"));

        assertThat(typesOf(outcome)).containsExactly(OperativeStateChanged.class, OperativeStateChanged.class,
                OperativeAssigned.class, ClinicalLeadAlerted.class);
    }

    @Test
    @DisplayName("connected: RESERVED to ON_CALL, then CallConnected with the wait")
    void connected() {
        queue.logOn(anOperative("op1"));
        queue.enqueue(aCaller("danger").inTier(IMMEDIATE_RISK));
        queue.advanceSeconds(4);

        Outcome outcome = queue.connect("danger");

        assertThat(typesOf(outcome)).containsExactly(OperativeStateChanged.class, CallConnected.class);
        hasStateChanges(outcome, stateChange("op1", OperativeState.RESERVED, OperativeState.ON_CALL));
        assertThat(only(CallConnected.class, outcome).get(0).waited()).isEqualTo(Duration.ofSeconds(4));
    }

    @Test
    @DisplayName("call ended in conversation: CallCompleted with the talk time, then ON_CALL to RECOVERY")
    void callEndedInConversation() {
        queue.logOn(anOperative("op1"));
        queue.enqueue(aCaller("danger").inTier(IMMEDIATE_RISK));
        queue.connect("danger");
        queue.runFor(Duration.ofMinutes(12));

        Outcome outcome = queue.end("danger");

        assertThat(typesOf(outcome)).containsExactly(CallCompleted.class, OperativeStateChanged.class);
        assertThat(only(CallCompleted.class, outcome).get(0).talkTime()).isEqualTo(Duration.ofMinutes(12));
        hasStateChanges(outcome, stateChange("op1", OperativeState.ON_CALL, OperativeState.RECOVERY));
    }

    @Test
    @DisplayName("call ended while waiting: CallerAbandoned with the wait")
    void callEndedWhileWaiting() {
        queue.enqueue(aCaller("c1").inTier(CRISIS));
        queue.advanceSeconds(42);

        Outcome outcome = queue.end("c1");

        assertThat(typesOf(outcome)).containsExactly(CallerAbandoned.class);
        assertThat(only(CallerAbandoned.class, outcome).get(0).waited()).isEqualTo(Duration.ofSeconds(42));
    }

    @Test
    @DisplayName("call ended while the operative was being rung: operative free again, caller abandoned")
    void callEndedWhileRinging() {
        queue.logOn(anOperative("op1"));
        queue.enqueue(aCaller("danger").inTier(IMMEDIATE_RISK));

        Outcome outcome = queue.end("danger");

        assertThat(typesOf(outcome)).containsExactly(OperativeStateChanged.class, CallerAbandoned.class);
        hasStateChanges(outcome, stateChange("op1", OperativeState.RESERVED, OperativeState.AVAILABLE));
    }

    @Test
    @DisplayName("offer not answered: OfferNotAnswered, then RESERVED to NOT_READY")
    void offerNotAnswered() {
        queue.logOn(anOperative("op1"));
        queue.enqueue(aCaller("danger").inTier(IMMEDIATE_RISK));

        Outcome outcome = queue.notAnswered("danger");

        assertThat(typesOf(outcome)).containsExactly(OfferNotAnswered.class, OperativeStateChanged.class);
        hasStateChanges(outcome, stateChange("op1", OperativeState.RESERVED, OperativeState.NOT_READY));
    }

    @Test
    @DisplayName("re-tier by an operative: CallerRetiered")
    void retier() {
        queue.enqueue(aCaller("c1").inTier(CRISIS));

        Outcome outcome = queue.retier("c1", SUPPORT, QueueHarness.OPERATIVE, "advice only");

        assertThat(typesOf(outcome)).containsExactly(CallerRetiered.class);
    }

    @Test
    @DisplayName("virtual hold: VirtualHoldAccepted with the on-time deadline")
    void virtualHold() {
        queue.enqueue(aCaller("s1").inTier(SUPPORT));

        Outcome outcome = queue.virtualHold("s1");

        assertThat(typesOf(outcome)).containsExactly(VirtualHoldAccepted.class);
        assertThat(only(VirtualHoldAccepted.class, outcome).get(0).onTimeBy()).isAfter(queue.now());
    }

    @Test
    @DisplayName("set rota: nothing to report; book slot: CallbackBooked")
    void bookSlot() {
        Outcome rota = queue.core().setRota(new Rota(List.of(new Rota.Block(START, START.plus(Duration.ofDays(1)), 8))));
        queue.enqueue(aCaller("s1").inTier(SUPPORT));
        CallbackSlot slot = queue.core().offerSlots().get(0);

        Outcome outcome = queue.bookSlot("s1", slot.start());

        assertThat(rota.isApplied()).isTrue();
        assertThat(rota.events()).isEmpty();
        assertThat(typesOf(outcome)).containsExactly(CallbackBooked.class);
    }

    @Test
    @DisplayName("caller unreachable: operative free again, attempt failed, retry scheduled")
    void callerUnreachable() {
        queue.enqueue(aCaller("s1").inTier(SUPPORT));
        queue.virtualHold("s1");
        queue.logOn(anOperative("op1"));
        queue.logOn(anOperative("op2"));

        Outcome outcome = queue.unreachable("s1");

        assertThat(typesOf(outcome)).containsExactly(OperativeStateChanged.class, CallbackAttemptFailed.class,
                CallbackRetryScheduled.class);
    }

    @Test
    @DisplayName("schedule check-ins, screen and shorten: series scheduled and first call; screened; shortened and recorded")
    void checkIns() {
        Outcome scheduled = queue.scheduleCheckIns(new CheckInPlan("s", new CallerRef("p"), Language.ENGLISH, false,
                START.plus(Duration.ofMinutes(15)), Duration.ofDays(7), 3));
        queue.logOn(anOperative("op1"));
        queue.logOn(anOperative("op2"));
        queue.runFor(0);
        queue.connect("s/check-in-1");

        Outcome screened = queue.core().screenCheckIn(CallId.of("s/check-in-1"), ScreenResult.STABLE);
        Outcome shortened = queue.core().shortenCheckIns("s", LEAD, "discharged to therapy");

        assertThat(typesOf(scheduled)).containsExactly(CheckInSeriesScheduled.class, CheckInScheduled.class);
        assertThat(typesOf(screened)).containsExactly(CheckInScreened.class);
        assertThat(typesOf(shortened)).containsExactly(QueueEvent.CheckInSeriesShortened.class, OverrideRecorded.class);
    }

    @Test
    @DisplayName("log off, pause and ready: one state change each, and a lead's pause is recorded")
    void staffCommands() {
        queue.logOn(anOperative("op1"));

        Outcome pause = queue.pause("op1", OperativeState.SUPERVISION, LEAD, "case review");
        Outcome ready = queue.ready("op1");
        Outcome logOff = queue.logOff("op1");

        hasStateChanges(pause, stateChange("op1", OperativeState.AVAILABLE, OperativeState.SUPERVISION));
        assertThat(typesOf(pause)).containsExactly(OperativeStateChanged.class, OverrideRecorded.class);
        hasStateChanges(ready, stateChange("op1", OperativeState.SUPERVISION, OperativeState.AVAILABLE));
        hasStateChanges(logOff, stateChange("op1", OperativeState.AVAILABLE, OperativeState.OFFLINE));
    }

    @Test
    @DisplayName("tick: the deadlines that fell due, stamped with their own time, then dispatch")
    void tick() {
        queue.logOn(anOperative("op1"));
        queue.enqueue(aCaller("danger").inTier(IMMEDIATE_RISK));
        queue.talk("danger", Duration.ofMinutes(1));
        queue.enqueue(aCaller("crisis").inTier(CRISIS));
        queue.advance(Duration.ofMinutes(10));

        Outcome outcome = queue.tick();

        assertThat(typesOf(outcome)).containsExactly(OperativeStateChanged.class, OperativeStateChanged.class,
                OperativeAssigned.class);
        assertThat(outcome.events().get(0).at()).isEqualTo(queue.now().minus(Duration.ofMinutes(10)).plusSeconds(300));
        assertThat(outcome.events().get(2).at()).isEqualTo(queue.now());
    }

    @Test
    @DisplayName("a refused command is a value with a reason and a detail, and changes nothing")
    void refusedCommand() {
        Outcome outcome = queue.connect("nobody");

        assertThat(outcome).isInstanceOfSatisfying(Outcome.Rejected.class, r -> {
            assertThat(r.reason()).isEqualTo(Outcome.Rejection.UNKNOWN_CALL);
            assertThat(r.detail()).contains("nobody");
        });
        assertThat(outcome.events()).isEmpty();
    }

    @Test
    @DisplayName("a refused command still reports the deadlines that fell due before it")
    void refusedCommandReportsDeadlinesMeanwhile() {
        queue.enqueue(aCaller("danger").inTier(IMMEDIATE_RISK));
        queue.advanceSeconds(30);

        Outcome outcome = queue.connect("nobody");

        assertThat(outcome.isApplied()).isFalse();
        assertThat(typesOf(outcome)).containsExactly(ClinicalLeadAlerted.class);
    }
}
