package org.crisisline.server.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.crisisline.server.audit.CallerPseudonym;
import org.crisisline.queue.command.QueueCommand;
import org.crisisline.queue.core.QueueSnapshot;
import org.crisisline.queue.event.QueueEvent;
import org.crisisline.queue.model.Call;
import org.crisisline.queue.model.CallId;
import org.crisisline.queue.model.CallKind;
import org.crisisline.queue.model.Line;
import org.crisisline.queue.model.OperativeId;
import org.crisisline.queue.model.Skills;
import org.crisisline.queue.model.Tier;
import org.crisisline.telephony.agi.BookCallback;
import org.crisisline.telephony.agi.CallbackChoice;
import org.crisisline.telephony.agi.CallbackSlot;
import org.crisisline.telephony.agi.CallerArrived;
import org.crisisline.telephony.agi.CallerLeft;
import org.crisisline.telephony.agi.IvrTier;
import org.crisisline.telephony.event.CallArrived;
import org.crisisline.telephony.event.CallBridged;
import org.crisisline.telephony.event.CallEnded;
import org.crisisline.telephony.event.DialFailed;
import org.crisisline.telephony.event.OperativeAnswered;
import org.crisisline.telephony.event.OriginateFailed;
import org.crisisline.telephony.event.OriginateSucceeded;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("the call router")
class CallRouterTest {
    private static final Instant NOW = Instant.parse("2026-11-29T20:00:00Z");
    private static final String NUMBER = "07700900123";
    private static final String CHANNEL = "Local/crisis@crisisline-inbound-0001;2";
    private static final String UNIQUEID = "1764446400.7";
    private static final CallId CALL = CallId.of(UNIQUEID);
    private static final OperativeId OP1 = OperativeId.of("op1");

    private final RoutingOptions options = new RoutingOptions(RoutingOptions.standardLines(),
            Map.of(OP1, Skills.trained()), Map.of(OP1, "op1"), "08001234567", Duration.ofMinutes(2),
            Optional.of(Duration.ofSeconds(30)), Duration.ofSeconds(5), Duration.ofSeconds(2), 1.0);
    private final CallRouter router = new CallRouter(options, pseudonyms("key-one-0123456789"),
            Clock.fixed(NOW, ZoneOffset.UTC));
    /** Everything the router produced, as text, to check that no raw number leaks into it. */
    private final List<String> produced = new ArrayList<>();

    @Test
    @DisplayName("enqueues a registered caller under a keyed-hash pseudonym, in the IVR's tier, on the line's queue")
    void enqueuesUnderAPseudonym() {
        QueueCommand.Enqueue enqueue = arrive(CHANNEL, UNIQUEID, IvrTier.CRISIS, false);

        Call call = enqueue.call();
        assertThat(call.id()).isEqualTo(CALL);
        assertThat(call.tier()).isEqualTo(Tier.CRISIS);
        assertThat(call.line()).isEqualTo(Line.CRISIS);
        assertThat(call.joinedAt()).isEqualTo(NOW);
        assertThat(call.caller().pseudonym()).startsWith("c_").doesNotContain(NUMBER).doesNotContain("0123");
        assertThat(call.caller()).isEqualTo(pseudonyms("key-one-0123456789").of(NUMBER, "other"));
        assertThat(call.caller()).isNotEqualTo(pseudonyms("key-two-0123456789").of(NUMBER, "other"));
        assertNoRawNumber();
    }

    @Test
    @DisplayName("a danger-now caller is tier 1 and has not passed the risk question")
    void dangerNowIsTierOne() {
        CallerArrived arrived = callerArrived(CHANNEL, UNIQUEID, IvrTier.IMMEDIATE_RISK, true);

        assertThat(router.callerArrived(arrived).call().tier()).isEqualTo(Tier.IMMEDIATE_RISK);
        assertThat(CallRouter.riskQuestionPassed(arrived)).isFalse();
        assertThat(CallRouter.riskQuestionPassed(callerArrived(CHANNEL, UNIQUEID, IvrTier.CRISIS, false))).isTrue();
    }

    @Test
    @DisplayName("keeping the place is a virtual hold, a slot a booking")
    void callbackChoices() {
        arrive(CHANNEL, UNIQUEID, IvrTier.CRISIS, false);

        assertThat(router.callbackChosen(new BookCallback(CALL.value(), new CallbackChoice.KeepPlace(), NUMBER, NOW)))
                .isEqualTo(new QueueCommand.AcceptVirtualHold(CALL));
        CallbackSlot slot = new CallbackSlot("s1", NOW.plusSeconds(900), NOW.plusSeconds(1800));
        assertThat(router.callbackChosen(new BookCallback(CALL.value(), new CallbackChoice.Slot(slot), NUMBER, NOW)))
                .isEqualTo(new QueueCommand.BookSlot(CALL, slot.start()));
        assertNoRawNumber();
    }

    @Test
    @DisplayName("an operative assigned to a live caller is rung on the caller's channel; their answer connects")
    void assignedLiveCallerIsRungAndConnected() {
        arrive(CHANNEL, UNIQUEID, IvrTier.CRISIS, false);

        RoutingDecision assigned = route(router.queueEvents(List.of(assigned(CallKind.LIVE))));
        assertThat(assigned.actions()).containsExactly(new PbxAction.ConnectToOperative(CALL, OP1, CHANNEL, "op1"));

        RoutingDecision answered = route(router.telephonyEvent(new OperativeAnswered("sim", NOW, "1764446400.6",
                CHANNEL, "PJSIP/op1-0001", "1764446400.9", "op1")));
        assertThat(answered.commands()).containsExactly(new QueueCommand.MarkConnected(CALL));
        assertNoRawNumber();
    }

    @Test
    @DisplayName("a failed dial to the operative puts the caller back, once; a repeat changes nothing")
    void failedDialPutsTheCallerBack() {
        arrive(CHANNEL, UNIQUEID, IvrTier.CRISIS, false);
        router.queueEvents(List.of(assigned(CallKind.LIVE)));
        DialFailed noAnswer = new DialFailed("sim", NOW, "1764446400.6", CHANNEL, UNIQUEID, "PJSIP/op1-0001",
                "NOANSWER");

        assertThat(route(router.telephonyEvent(noAnswer)).commands())
                .containsExactly(new QueueCommand.MarkOfferNotAnswered(CALL, OP1));
        assertThat(router.telephonyEvent(noAnswer).isEmpty()).isTrue();

        RoutingDecision missed = router.queueEvents(List.of(new QueueEvent.OfferNotAnswered(NOW, CALL, OP1)));
        assertThat(missed.later()).containsExactly(
                new RoutingDecision.Deferred(new QueueCommand.MarkReady(OP1), Duration.ofSeconds(30)));
    }

    @Test
    @DisplayName("a failed ring (PBX error) gives the caller back to the queue")
    void failedConnectGivesTheCallBack() {
        arrive(CHANNEL, UNIQUEID, IvrTier.CRISIS, false);
        PbxAction connect = router.queueEvents(List.of(assigned(CallKind.LIVE))).actions().get(0);

        RoutingDecision failed = router.actionFailed(connect);
        assertThat(failed.commands()).containsExactly(new QueueCommand.MarkOfferNotAnswered(CALL, OP1));
        assertThat(failed.later()).containsExactly(
                new RoutingDecision.Deferred(new QueueCommand.MarkReady(OP1), Duration.ofSeconds(5)));
        assertThat(router.actionFailed(new PbxAction.Announce(CALL, CHANNEL, 1, 2)).isEmpty()).isTrue();
    }

    @Test
    @DisplayName("the caller's hang-up ends the call, by channel or by Linkedid; unknown channels are ignored")
    void hangUpEndsTheCall() {
        router.telephonyEvent(new CallArrived("sim", NOW, "1764446400.6", CHANNEL, UNIQUEID, "crisis",
                "08001234567", Optional.empty()));
        arrive(CHANNEL, UNIQUEID, IvrTier.CRISIS, false);

        assertThat(router.telephonyEvent(ended("PJSIP/trunk-0001", "1764446400.6", CallEnded.Leg.CALLER)).commands())
                .containsExactly(new QueueCommand.EndCall(CALL));
        assertThat(router.telephonyEvent(ended(CHANNEL, UNIQUEID, CallEnded.Leg.CALLER)).commands())
                .containsExactly(new QueueCommand.EndCall(CALL));
        assertThat(router.telephonyEvent(new CallEnded("sim", NOW, "1.98", "Local/x-9;2", "1.99", CallEnded.Leg.CALLER,
                16, "Normal Clearing")).isEmpty()).isTrue();
        assertThat(router.telephonyEvent(new DialFailed("sim", NOW, "9.9", "PJSIP/x-1", "9.9", "PJSIP/op1-1",
                "BUSY")).isEmpty()).isTrue();
    }

    @Test
    @DisplayName("the IVR's caller-left ends the call by id, or by Uniqueid when the IVR had none; a hang-up of a live channel is left to the PBX's event")
    void callerLeftEndsTheCall() {
        arrive(CHANNEL, UNIQUEID, IvrTier.CRISIS, false);

        assertThat(router.callerLeft(new CallerLeft(UNIQUEID, null, CallerLeft.Reason.SENT_TO_FALLBACK_QUEUE, NOW))
                .commands()).containsExactly(new QueueCommand.EndCall(CALL));
        // Another node's Redirect ends the IVR's script as a hang-up would: only the PBX knows which.
        assertThat(router.callerLeft(new CallerLeft(UNIQUEID, null, CallerLeft.Reason.HUNG_UP, NOW)).isEmpty())
                .isTrue();
        router.telephonyEvent(ended(CHANNEL, UNIQUEID, CallEnded.Leg.CALLER));
        assertThat(router.callerLeft(new CallerLeft(UNIQUEID, CALL.value(), CallerLeft.Reason.HUNG_UP, NOW))
                .commands()).containsExactly(new QueueCommand.EndCall(CALL));
        assertThat(router.callerLeft(new CallerLeft("nobody", null, CallerLeft.Reason.HUNG_UP, NOW)).isEmpty())
                .isTrue();
    }

    @Test
    @DisplayName("the IVR's caller-left while the caller is being rung is our own Redirect ending the script: ignored")
    void callerLeftWhileRingingIsIgnored() {
        arrive(CHANNEL, UNIQUEID, IvrTier.CRISIS, false);
        router.queueEvents(List.of(assigned(CallKind.LIVE)));

        assertThat(router.callerLeft(new CallerLeft(UNIQUEID, CALL.value(), CallerLeft.Reason.HUNG_UP, NOW))
                .isEmpty()).isTrue();
        assertThat(router.telephonyEvent(ended(CHANNEL, UNIQUEID, CallEnded.Leg.CALLER)).commands())
                .containsExactly(new QueueCommand.EndCall(CALL));
    }

    @Test
    @DisplayName("a callback comes agent-first: the operative's endpoint first, then the kept number")
    void callbackIsAgentFirst() {
        virtualHoldCallerWhoHungUp();

        RoutingDecision assigned = route(router.queueEvents(List.of(assigned(CallKind.VIRTUAL_HOLD))));
        assertThat(assigned.actions()).isEmpty();
        assertThat(assigned.callbacksDue()).containsExactly(new RoutingDecision.CallbackDue(CALL, OP1));
        RoutingDecision dial = router.callbackNumberFound(assigned.callbacksDue().get(0), Optional.of(NUMBER));

        PbxAction.OriginateCallback originate = (PbxAction.OriginateCallback) dial.actions().get(0);
        assertThat(originate.request().channel()).isEqualTo("PJSIP/op1");
        assertThat(originate.request().exten()).isEqualTo(NUMBER);
        assertThat(originate.request().callerId()).contains("08001234567");
        assertNoRawNumber();
    }

    @Test
    @DisplayName("the callee answering connects the callback; the operative's hang-up then ends it, and the number is to go")
    void callbackAnsweredThenEnded() {
        virtualHoldCallerWhoHungUp();
        router.queueEvents(List.of(assigned(CallKind.VIRTUAL_HOLD)));

        assertThat(router.originateEnded(CALL, OP1, new OriginateSucceeded("sim", NOW, "a1", "PJSIP/op1-0002",
                "1764446500.1")).isEmpty()).isTrue();
        assertThat(router.telephonyEvent(new CallBridged("sim", NOW, "1764446500.1", "Local/07700900123@sim-callee;1",
                "1764446500.3", "bridge-1")).commands()).containsExactly(new QueueCommand.MarkConnected(CALL));
        assertThat(router.telephonyEvent(ended("PJSIP/op1-0002", "1764446500.1", CallEnded.Leg.OPERATIVE))
                .commands()).containsExactly(new QueueCommand.EndCall(CALL));

        assertThat(router.queueEvents(List.of(new QueueEvent.CallCompleted(NOW, CALL, OP1, Tier.CRISIS,
                Duration.ofMinutes(5)))).numbersToForget()).containsExactly(CALL);
    }

    @Test
    @DisplayName("a callee who does not answer is unreachable; an operative who does not answer the originate puts the call back")
    void callbackFailures() {
        virtualHoldCallerWhoHungUp();
        router.queueEvents(List.of(assigned(CallKind.VIRTUAL_HOLD)));
        router.originateEnded(CALL, OP1, new OriginateSucceeded("sim", NOW, "a1", "PJSIP/op1-0002", "1764446500.1"));

        assertThat(route(router.telephonyEvent(new DialFailed("sim", NOW, "1764446500.1", "PJSIP/op1-0002",
                "1764446500.1", "Local/07700900123@sim-callee;1", "NOANSWER"))).commands())
                .containsExactly(new QueueCommand.MarkCallerUnreachable(CALL, "callee noanswer"));

        router.queueEvents(List.of(assigned(CallKind.VIRTUAL_HOLD)));
        assertThat(router.originateEnded(CALL, OP1, new OriginateFailed("sim", NOW, "a2", "PJSIP/op1",
                OriginateFailed.Reason.NO_ANSWER, 3)).commands())
                .containsExactly(new QueueCommand.MarkOfferNotAnswered(CALL, OP1));
        assertNoRawNumber();
    }

    @Test
    @DisplayName("an operative who hangs up a callback before the person answers puts it back, not the person unreachable")
    void operativeGivesUpOnACallback() {
        virtualHoldCallerWhoHungUp();
        router.queueEvents(List.of(assigned(CallKind.VIRTUAL_HOLD)));
        router.originateEnded(CALL, OP1, new OriginateSucceeded("sim", NOW, "a1", "PJSIP/op1-0002", "1764446500.1"));

        assertThat(router.telephonyEvent(new DialFailed("sim", NOW, "1764446500.1", "PJSIP/op1-0002",
                "1764446500.1", "Local/07700900123@sim-callee;1", "CANCEL")).commands())
                .containsExactly(new QueueCommand.MarkOfferNotAnswered(CALL, OP1));

        router.queueEvents(List.of(assigned(CallKind.VIRTUAL_HOLD)));
        router.originateEnded(CALL, OP1, new OriginateSucceeded("sim", NOW, "a2", "PJSIP/op1-0003", "1764446600.1"));
        assertThat(router.telephonyEvent(new CallEnded("sim", NOW, "1764446600.1", "PJSIP/op1-0003", "1764446600.1",
                CallEnded.Leg.OPERATIVE, 16, "Normal Clearing")).commands())
                .containsExactly(new QueueCommand.MarkOfferNotAnswered(CALL, OP1));
    }

    @Test
    @DisplayName("an agent-first call with no number kept is reported unreachable, never rung blind; unreadable numbers give it back")
    void callbackWithoutANumber() {
        RoutingDecision.CallbackDue due = router.queueEvents(List.of(assigned(CallKind.SLOT_CALLBACK))).callbacksDue()
                .get(0);

        assertThat(router.callbackNumberFound(due, Optional.empty()).commands())
                .containsExactly(new QueueCommand.MarkCallerUnreachable(CALL, "no callback number kept"));
        assertThat(router.callbackNumberUnavailable(due).commands())
                .containsExactly(new QueueCommand.MarkOfferNotAnswered(CALL, OP1));
    }

    @Test
    @DisplayName("a caller registered by another node's IVR is rung by this node from the PBX's record of the channel, and their hang-up ends the call here too")
    void callerOfAnotherNodeIsRung() {
        router.telephonyEvent(new CallArrived("sim", NOW, "1764446400.6", CHANNEL, UNIQUEID, "crisis",
                "08001234567", Optional.empty()));
        router.telephonyEvent(new CallArrived("sim", NOW, "1764446400.8", "Local/b;2", "2.2", "crisis",
                "08001234567", Optional.empty()));
        assertThat(router.telephonyEvent(ended("Local/b;2", "2.2", CallEnded.Leg.CALLER)).commands())
                .containsExactly(new QueueCommand.EndCall(CallId.of("2.2")));

        RoutingDecision assigned = router.queueEvents(List.of(assigned(CallKind.LIVE)));

        assertThat(assigned.actions()).containsExactly(new PbxAction.ConnectToOperative(CALL, OP1, CHANNEL, "op1"));
        assertThat(router.telephonyEvent(ended(CHANNEL, UNIQUEID, CallEnded.Leg.CALLER)).commands())
                .containsExactly(new QueueCommand.EndCall(CALL));
    }

    @Test
    @DisplayName("a caller whose channel is gone is not rung: the offer is given back")
    void goneCallerIsNotRung() {
        router.telephonyEvent(new CallArrived("sim", NOW, "1764446400.6", CHANNEL, UNIQUEID, "crisis",
                "08001234567", Optional.empty()));
        router.telephonyEvent(ended(CHANNEL, UNIQUEID, CallEnded.Leg.CALLER));

        assertThat(router.queueEvents(List.of(assigned(CallKind.LIVE))).commands())
                .containsExactly(new QueueCommand.MarkOfferNotAnswered(CALL, OP1));
    }

    @Test
    @DisplayName("waiting live callers hear their place in serving order; callers being rung are skipped")
    void announcements() {
        Call first = arrive(CHANNEL, UNIQUEID, IvrTier.IMMEDIATE_RISK, true).call();
        Call second = arrive("Local/b;2", "2.2", IvrTier.CRISIS, false).call();
        Call third = arrive("Local/c;2", "3.3", IvrTier.CRISIS, false).call();
        router.queueEvents(List.of(new QueueEvent.OperativeAssigned(NOW, second.id(), OP1, Tier.CRISIS,
                CallKind.LIVE, Duration.ZERO, false, false)));
        QueueSnapshot snapshot = new QueueSnapshot(NOW, List.of(first, second, third), List.of(), List.of(),
                Map.of(), Map.of(), Map.of(Tier.IMMEDIATE_RISK, Duration.ZERO, Tier.CRISIS, Duration.ofSeconds(200)));

        assertThat(router.announcements(snapshot)).containsExactly(
                new PbxAction.Announce(first.id(), CHANNEL, 1, 1),
                new PbxAction.Announce(third.id(), "Local/c;2", 3, 4));
    }

    @Test
    @DisplayName("a virtual-hold callback closed because the caller got through live is forgotten, kept number and all")
    void supersededCallbackIsForgotten() {
        virtualHoldCallerWhoHungUp();

        RoutingDecision closed = router.queueEvents(List.of(new QueueEvent.CallbackSuperseded(NOW, CALL,
                pseudonyms("key-one-0123456789").of(NUMBER, UNIQUEID), CallId.of("1764446999.1"))));

        assertThat(closed.numbersToForget()).containsExactly(CALL);
        assertThat(closed.commands()).isEmpty();
        assertThat(closed.actions()).isEmpty();
    }

    @Test
    @DisplayName("at start, a queued caller the PBX no longer has is ended, one still holding can be rung from here, and a virtual-hold caller (no channel by design) is left alone")
    void reconcilesWithThePbxAtStart() {
        CallRouter otherNode = new CallRouter(options, pseudonyms("key-one-0123456789"),
                Clock.fixed(NOW.minusSeconds(60), ZoneOffset.UTC));
        Call holding = otherNode.callerArrived(callerArrived(CHANNEL, UNIQUEID, IvrTier.CRISIS, false)).call();
        Call gone = otherNode.callerArrived(callerArrived("Local/b;2", "2.2", IvrTier.CRISIS, false)).call();
        Call virtualHold = otherNode.callerArrived(callerArrived("Local/c;2", "3.3", IvrTier.CRISIS, false)).call()
                .onVirtualHold(NOW.plusSeconds(600));
        QueueSnapshot before = new QueueSnapshot(NOW, List.of(holding, gone, virtualHold), List.of(), List.of(),
                Map.of(), Map.of(), Map.of());

        RoutingDecision reconciled = router.reconcile(before, Map.of(UNIQUEID, CHANNEL, "9.9", "PJSIP/op1-0001"));

        assertThat(reconciled.commands()).containsExactly(new QueueCommand.EndCall(gone.id()));
        assertThat(reconciled.actions()).isEmpty();
        assertThat(router.queueEvents(List.of(assigned(CallKind.LIVE))).actions())
                .containsExactly(new PbxAction.ConnectToOperative(CALL, OP1, CHANNEL, "op1"));
    }

    @Test
    @DisplayName("a waiting caller this node never registered, but whose channel the PBX listed at start, is offered an announcement too (the leases decide which node makes it)")
    void listedCallerCanBeAnnouncedHere() {
        Call waiting = new CallRouter(options, pseudonyms("key-one-0123456789"), Clock.fixed(NOW, ZoneOffset.UTC))
                .callerArrived(callerArrived(CHANNEL, UNIQUEID, IvrTier.CRISIS, false)).call();
        QueueSnapshot snapshot = new QueueSnapshot(NOW, List.of(waiting), List.of(), List.of(), Map.of(), Map.of(),
                Map.of(Tier.CRISIS, Duration.ofSeconds(200)));
        assertThat(router.announcements(snapshot)).isEmpty();

        router.reconcile(snapshot, Map.of(UNIQUEID, CHANNEL));

        assertThat(router.announcements(snapshot)).containsExactly(new PbxAction.Announce(CALL, CHANNEL, 1, 4));
    }

    private void virtualHoldCallerWhoHungUp() {
        arrive(CHANNEL, UNIQUEID, IvrTier.CRISIS, false);
        router.callbackChosen(new BookCallback(CALL.value(), new CallbackChoice.KeepPlace(), NUMBER, NOW));
        route(router.telephonyEvent(ended(CHANNEL, UNIQUEID, CallEnded.Leg.CALLER)));
    }

    private QueueCommand.Enqueue arrive(String channel, String uniqueid, IvrTier tier, boolean danger) {
        QueueCommand.Enqueue enqueue = router.callerArrived(callerArrived(channel, uniqueid, tier, danger));
        produced.add(enqueue.toString());
        return enqueue;
    }

    private RoutingDecision route(RoutingDecision decision) {
        produced.add(decision.toString());
        return decision;
    }

    private void assertNoRawNumber() {
        assertThat(produced).isNotEmpty().allSatisfy(text -> assertThat(text).doesNotContain(NUMBER));
    }

    private static CallerArrived callerArrived(String channel, String uniqueid, IvrTier tier, boolean danger) {
        return new CallerArrived(uniqueid, channel, "crisis", NUMBER, "en", tier, danger, NOW);
    }

    private static QueueEvent.OperativeAssigned assigned(CallKind kind) {
        return new QueueEvent.OperativeAssigned(NOW, CALL, OP1, Tier.CRISIS, kind, Duration.ofSeconds(30), false,
                false);
    }

    private static CallEnded ended(String channel, String uniqueid, CallEnded.Leg leg) {
        return new CallEnded("sim", NOW, "1764446400.6", channel, uniqueid, leg, 16, "Normal Clearing");
    }

    private static CallerPseudonyms pseudonyms(String key) {
        return new CallerPseudonyms(CallerPseudonym.withKey(Arrays.copyOf(key.getBytes(StandardCharsets.UTF_8), 32)));
    }
}
