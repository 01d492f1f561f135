package org.crisisline.queue.core;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.crisisline.queue.config.DispatchProtections;
import org.crisisline.queue.config.QueueConfig;
import org.crisisline.queue.event.Outcome.Rejection;
import org.crisisline.queue.event.QueueEvent;
import org.crisisline.queue.event.QueueEvent.AlertReason;
import org.crisisline.queue.model.Actor;
import org.crisisline.queue.model.Call;
import org.crisisline.queue.model.CallId;
import org.crisisline.queue.model.CallKind;
import org.crisisline.queue.model.CallerGroup;
import org.crisisline.queue.model.CallState;
import org.crisisline.queue.model.Operative;
import org.crisisline.queue.model.OperativeId;
import org.crisisline.queue.model.OperativeState;
import org.crisisline.queue.model.Tier;
import org.crisisline.queue.policy.Assignment;

/** A call's life from joining the queue to its end: places, offers, connections, hang-ups, re-tiers. */
final class CallDesk {
    private final QueueState state;
    private final StaffDesk staff;
    private final CheckInDesk checkIns;

    CallDesk(QueueState state, StaffDesk staff, CheckInDesk checkIns) {
        this.state = state;
        this.staff = staff;
        this.checkIns = checkIns;
    }

    Refusal enqueue(Call call, Instant now) {
        if (state.isKnown(call.id())) {
            return null;
        }
        if (call.kind() != CallKind.LIVE || call.state() != CallState.WAITING) {
            return Refusal.of(Rejection.INVALID, "only a live, waiting call joins the queue this way");
        }
        // Rung again while on virtual hold: the live call takes the kept place instead of a second one.
        List<Call> keptPlaces = state.callbacksAskedBy(call.caller()).stream()
                .filter(asked -> asked.kind() == CallKind.VIRTUAL_HOLD && asked.state() == CallState.WAITING)
                .toList();
        Call joining = call;
        for (Call kept : keptPlaces) {
            joining = joining.inPlaceOf(kept);
        }
        state.put(joining);
        state.emit(new QueueEvent.CallerQueued(now, joining));
        for (Call kept : keptPlaces) {
            state.end(kept);
            state.emit(new QueueEvent.CallbackSuperseded(now, kept.id(), kept.caller(), joining.id()));
        }
        watchThresholds(state, joining, now);
        return null;
    }

    Refusal retier(CallId id, Tier tier, Actor by, String reason, Instant now) {
        Optional<Call> found = state.find(id);
        if (found.isEmpty()) {
            return unknownOrEnded(id);
        }
        Call call = found.get();
        if (tier == Tier.CHECK_IN) {
            return Refusal.of(Rejection.INVALID, "a caller cannot be moved into the check-in tier");
        }
        if (call.tier() == tier) {
            return null;
        }
        Call moved = call.withTier(tier);
        state.putRetiered(moved);
        state.emit(new QueueEvent.CallerRetiered(now, id, call.tier(), tier, by, reason));
        if (by.role() == Actor.Role.CLINICAL_LEAD) {
            state.emit(new QueueEvent.OverrideRecorded(now, by, "retier:" + tier, id.value(), reason));
        }
        if (moved.isWaiting()) {
            watchThresholds(state, moved, now);
            // Moved into tier 1 after its target had already passed: no deadline will say so later.
            if (tier == Tier.IMMEDIATE_RISK
                    && !moved.waitedAt(now).minus(state.config.rule(tier).answerTarget()).isNegative()) {
                tierOneOverdue(id, now);
            }
        }
        return null;
    }

    /** Operative and caller are talking (live: the operative answered; agent-first: the caller did). */
    Refusal connected(CallId id, Instant now) {
        Optional<Call> found = state.find(id);
        if (found.isEmpty()) {
            return unknownOrEnded(id);
        }
        Call call = found.get();
        if (call.state() == CallState.CONNECTED) {
            return null;
        }
        if (call.state() != CallState.OFFERED) {
            return Refusal.of(Rejection.WRONG_STATE, id + " is " + call.state() + ", not offered");
        }
        Call talking = call.connectedAt(now);
        state.put(talking);
        Operative op = state.roster.get(call.operative().orElseThrow());
        state.change(op, op.answered(call.tier(), now), now);
        state.emit(new QueueEvent.CallConnected(now, id, op.id(), call.tier(), call.waitedAt(now),
                CallerGroup.of(call)));
        if (call.kind() == CallKind.LIVE) {
            closeCallbacksAskedBy(talking, now);
        }
        return null;
    }

    /**
     * A caller answered on a live call no longer needs a callback they asked for instead of waiting: each one
     * still waiting or scheduled (an IVR slot) is closed ({@code CallbackSuperseded}). One being dialled now is
     * left to run.
     */
    private void closeCallbacksAskedBy(Call live, Instant now) {
        for (Call asked : state.callbacksAskedBy(live.caller())) {
            if (asked.state() == CallState.WAITING || asked.state() == CallState.SCHEDULED) {
                state.end(asked);
                state.emit(new QueueEvent.CallbackSuperseded(now, asked.id(), asked.caller(), live.id()));
            }
        }
    }

    /** The operative did not answer: the caller keeps the place, the operative is not ready. */
    Refusal offerNotAnswered(CallId id, OperativeId ringing, Instant now) {
        Optional<Call> found = state.find(id);
        if (found.isEmpty()) {
            return unknownOrEnded(id);
        }
        Call call = found.get();
        if (call.state() != CallState.OFFERED) {
            return call.state() == CallState.WAITING ? null
                    : Refusal.of(Rejection.WRONG_STATE, id + " is " + call.state() + ", not offered");
        }
        if (!call.operative().equals(Optional.of(ringing))) {
            // A repeat about an earlier offer: the call has moved on to someone else since.
            return null;
        }
        OperativeId operative = call.operative().orElseThrow();
        // The operative failed, not the caller: an agent-first attempt is not used up.
        Call back = call.backInQueue(CallState.WAITING);
        if (call.kind().isAgentFirst()) {
            back = back.withAttempts(Math.max(0, back.attempts() - 1));
        }
        state.put(back);
        state.emit(new QueueEvent.OfferNotAnswered(now, id, operative));
        staff.release(operative, OperativeState.NOT_READY, now);
        // Back at the same place, but perhaps in another tier (re-tiered while ringing): its thresholds now.
        watchThresholds(state, back, now);
        return null;
    }

    /** The call's caller leg ended (hang-up, or the end of the conversation). Repeats change nothing. */
    Refusal callEnded(CallId id, Instant now) {
        Optional<Call> found = state.find(id);
        if (found.isEmpty()) {
            return state.hasEnded(id) ? null : Refusal.of(Rejection.UNKNOWN_CALL, "no call " + id);
        }
        Call call = found.get();
        switch (call.state()) {
            case WAITING, SCHEDULED:
                if (call.kind() == CallKind.LIVE) {
                    abandon(call, now);
                }
                // A caller on virtual hold or booked into a slot hung up on purpose: the place is kept.
                return null;
            case OFFERED:
                if (call.kind() == CallKind.LIVE) {
                    staff.release(call.operative().orElseThrow(), OperativeState.AVAILABLE, now);
                    abandon(call, now);
                }
                // An agent-first call being made: a hang-up here is most likely a repeat of the caller's own
                // hang-up after accepting the virtual hold, and must not cost them an attempt. A callback the
                // caller does not answer is reported with callerUnreachable.
                return null;
            case CONNECTED:
                complete(call, now);
                return null;
            default:
                return null;
        }
    }

    /** A clinical lead (or anyone sent by one) takes a particular waiting call, whatever the policy says. */
    Refusal takeCall(CallId id, OperativeId taker, Actor by, String reason, Instant now) {
        Optional<Call> found = state.find(id);
        if (found.isEmpty()) {
            return unknownOrEnded(id);
        }
        Call call = found.get();
        if (!call.isWaiting()) {
            return Refusal.of(Rejection.WRONG_STATE, id + " is " + call.state() + ", not waiting");
        }
        Optional<Operative> op = state.operative(taker);
        if (op.isEmpty()) {
            return Refusal.of(Rejection.UNKNOWN_OPERATIVE, "no operative " + taker);
        }
        OperativeState s = op.get().state();
        if (s != OperativeState.AVAILABLE && s != OperativeState.RECOVERY && s != OperativeState.NOT_READY
                && s != OperativeState.SUPERVISION) {
            return Refusal.of(Rejection.WRONG_STATE, taker + " is " + s + " and cannot take a call now");
        }
        assign(new Assignment(call, op.get(), !op.get().skills().speaks(call.language()),
                s == OperativeState.RECOVERY, false, false), now);
        state.emit(new QueueEvent.OverrideRecorded(now, by, "take-call", id.value() + "->" + taker, reason));
        return null;
    }

    /** Applies a dispatch decision: the call is offered, the operative reserved. */
    void assign(Assignment decision, Instant now) {
        Call call = decision.call();
        Operative op = decision.operative();
        state.put(call.offeredTo(op.id(), decision.interpreter()));
        Operative reserved = op.reservedFor(call.id(), now, decision.interruptsRecovery());
        state.change(op, reserved, now);
        state.emit(new QueueEvent.OperativeAssigned(now, call.id(), op.id(), call.tier(), call.kind(),
                call.waitedAt(now), decision.interpreter(), decision.interruptsRecovery()));
        if (decision.interruptsRecovery()) {
            state.emit(new QueueEvent.RecoveryInterrupted(now, op.id(), call.id(),
                    Duration.between(op.recoveryStarted(), now), reserved.recoveryInterruptions()));
        }
        if (decision.alertLead()) {
            state.emit(new QueueEvent.ClinicalLeadAlerted(now, AlertReason.TIER_ONE_ANSWERED_BY_NON_CLINICIAN,
                    Optional.of(call.id()), Optional.of(op.id()), "no clinician free: join the call"));
        }
        if (decision.exceedsTierOneCap()) {
            state.emit(new QueueEvent.ClinicalLeadAlerted(now, AlertReason.TIER_ONE_CAP_EXCEEDED,
                    Optional.of(call.id()), Optional.of(op.id()),
                    "tier-1 caller about to miss the target and nobody under the cap was free"));
        }
    }

    /**
     * Sets the deadlines at which this waiting call's chances change, so dispatch looks again then.
     * For every call that enters the line: live callers, and callbacks and check-ins when they fall due.
     */
    static void watchThresholds(QueueState state, Call call, Instant now) {
        QueueConfig config = state.config;
        DispatchProtections protections = config.protections();
        Instant joined = call.joinedAt();
        String ref = call.id().value();
        if (call.tier() == Tier.IMMEDIATE_RISK) {
            setIfFuture(state, joined.plus(config.rule(call.tier()).answerTarget()), Timers.Kind.TIER_ONE_OVERDUE, ref,
                    now);
            if (protections.recoveryTime() || protections.consecutiveTierOneCap() > 0) {
                setIfFuture(state, joined.plus(protections.recoveryInterruptFromWait()), Timers.Kind.RECHECK, ref, now);
            }
            return;
        }
        if (protections.tierOneReserve() > 0) {
            // The moment the reserve stops holding this caller back (target less margin, or the tier's limit).
            setIfFuture(state, joined.plus(config.reserveHold(call.tier())), Timers.Kind.RECHECK, ref, now);
        }
        if (!call.language().isEnglish() && !protections.languageWait().isZero()) {
            setIfFuture(state, joined.plus(protections.languageWait()), Timers.Kind.RECHECK, ref, now);
        }
    }

    /** A TIER_ONE_OVERDUE timer fired. */
    void tierOneOverdue(CallId id, Instant at) {
        state.find(id).filter(c -> c.isWaiting() && c.tier() == Tier.IMMEDIATE_RISK).ifPresent(c ->
                state.emit(new QueueEvent.ClinicalLeadAlerted(at, AlertReason.TIER_ONE_WAITING_PAST_TARGET,
                        Optional.of(id), Optional.empty(),
                        "tier-1 caller waiting " + c.waitedAt(at).toSeconds() + " s")));
    }

    private static void setIfFuture(QueueState state, Instant at, Timers.Kind kind, String ref, Instant now) {
        if (at.isAfter(now)) {
            state.timers.set(at, kind, ref);
        }
    }

    private void abandon(Call call, Instant now) {
        state.end(call);
        state.emit(new QueueEvent.CallerAbandoned(now, call.id(), call.tier(), call.waitedAt(now),
                CallerGroup.of(call)));
    }

    private void complete(Call call, Instant now) {
        Duration talk = Duration.between(call.answeredAt().orElse(now), now);
        state.end(call);
        state.emit(new QueueEvent.CallCompleted(now, call.id(), call.operative().orElseThrow(), call.tier(), talk));
        staff.finishCall(call, talk, now);
        if (call.kind() == CallKind.CHECK_IN) {
            checkIns.callMade(call, now);
        }
    }

    private Refusal unknownOrEnded(CallId id) {
        return state.hasEnded(id)
                ? Refusal.of(Rejection.CALL_ENDED, id + " has ended")
                : Refusal.of(Rejection.UNKNOWN_CALL, "no call " + id);
    }
}
