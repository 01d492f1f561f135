package org.crisisline.queue.core;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.crisisline.queue.config.DispatchProtections;
import org.crisisline.queue.config.TierRule;
import org.crisisline.queue.event.Outcome.Rejection;
import org.crisisline.queue.event.QueueEvent;
import org.crisisline.queue.model.Actor;
import org.crisisline.queue.model.Call;
import org.crisisline.queue.model.Operative;
import org.crisisline.queue.model.OperativeId;
import org.crisisline.queue.model.OperativeState;
import org.crisisline.queue.model.Skills;

/** Operatives' own states: logging on and off, ready, breaks and supervision, recovery after calls. */
final class StaffDesk {
    private final QueueState state;

    StaffDesk(QueueState state) {
        this.state = state;
    }

    Refusal logOn(OperativeId id, Skills skills, Instant now) {
        Optional<Operative> known = state.operative(id);
        if (known.isEmpty()) {
            state.change(null, Operative.loggedOn(id, skills, now), now);
            return null;
        }
        Operative op = known.get();
        if (op.state() != OperativeState.OFFLINE) {
            if (!op.skills().equals(skills)) {
                state.change(op, op.withSkills(skills), now);
            }
            return null;
        }
        // Back for a new shift: load decays on its own, the idle clock restarts.
        Operative back = new Operative(id, skills, OperativeState.AVAILABLE, now, now, op.loadScore(), 0,
                op.recoveryInterruptions(), Optional.empty(), now, now, Optional.empty());
        state.change(op, back, now);
        return null;
    }

    Refusal logOff(OperativeId id, Instant now) {
        return pauseOrAfterCall(id, OperativeState.OFFLINE, now);
    }

    /** Ready again: after not answering, a break, supervision, or ending their own recovery early. */
    Refusal ready(OperativeId id, Instant now) {
        Optional<Operative> known = state.operative(id);
        if (known.isEmpty()) {
            return Refusal.of(Rejection.UNKNOWN_OPERATIVE, "no operative " + id);
        }
        Operative op = known.get();
        switch (op.state()) {
            case AVAILABLE:
                return null;
            case NOT_READY, BREAK, SUPERVISION, RECOVERY:
                state.change(op, op.inState(OperativeState.AVAILABLE, now), now);
                return null;
            default:
                return Refusal.of(Rejection.WRONG_STATE, id + " is " + op.state() + ", not waiting to be ready");
        }
    }

    /** A break or supervision block; on a call, it starts when the call ends. */
    Refusal pause(OperativeId id, OperativeState block, Actor by, String reason, Instant now) {
        if (block != OperativeState.BREAK && block != OperativeState.SUPERVISION) {
            return Refusal.of(Rejection.INVALID, "a pause is a break or supervision, not " + block);
        }
        Optional<Operative> before = state.operative(id);
        Refusal refusal = pauseOrAfterCall(id, block, now);
        // A repeated pause changed nothing, so there is no new override to record.
        boolean changed = !before.equals(state.operative(id));
        if (refusal == null && changed && by.role() == Actor.Role.CLINICAL_LEAD) {
            state.emit(new QueueEvent.OverrideRecorded(now, by, "pause:" + block, id.value(), reason));
        }
        return refusal;
    }

    private Refusal pauseOrAfterCall(OperativeId id, OperativeState target, Instant now) {
        Optional<Operative> known = state.operative(id);
        if (known.isEmpty()) {
            return Refusal.of(Rejection.UNKNOWN_OPERATIVE, "no operative " + id);
        }
        Operative op = known.get();
        switch (op.state()) {
            case RESERVED, ON_CALL:
                state.change(op, op.withAfterCall(Optional.of(target)), now);
                return null;
            case OFFLINE:
                return target == OperativeState.OFFLINE ? null
                        : Refusal.of(Rejection.WRONG_STATE, id + " is offline");
            default:
                if (op.state() != target) {
                    state.change(op, op.onBreak(target, now), now);
                }
                return null;
        }
    }

    /** A recovery timer fired: only the recovery it was set for ends. */
    void recoveryEnds(OperativeId id, Instant at) {
        state.operative(id)
                .filter(op -> op.state() == OperativeState.RECOVERY && !op.recoveryUntil().isAfter(at))
                .ifPresent(op -> state.change(op, op.inState(OperativeState.AVAILABLE, at), at));
    }

    /**
     * The operative's side of a completed call: the call's weighted talk time joins their load,
     * their idle clock restarts, then recovery time (or the break or log-off they asked for).
     */
    void finishCall(Call call, Duration talkTime, Instant now) {
        Operative op = state.roster.get(call.operative().orElseThrow());
        TierRule rule = state.config.rule(call.tier());
        double score = state.loadModel().add(op.loadScore(), rule.loadWeight(), talkTime, now);
        Duration recovery = state.config.protections().recoveryTime() ? rule.recoveryAfter() : Duration.ZERO;
        OperativeState next = op.afterCall()
                .orElse(recovery.isZero() ? OperativeState.AVAILABLE : OperativeState.RECOVERY);
        Instant recoveryEnds = now.plus(recovery);
        state.change(op, op.finishedCall(score, next, now, recoveryEnds), now);
        if (next == OperativeState.RECOVERY) {
            state.timers.set(recoveryEnds, Timers.Kind.RECOVERY_ENDS, op.id().value());
            // From this moment a tier-1 caller about to miss the target may interrupt: dispatch must look again.
            Instant interruptible = now.plus(state.config.protections().recoveryInterruptMinimum());
            if (interruptible.isAfter(now) && interruptible.isBefore(recoveryEnds)) {
                state.timers.set(interruptible, Timers.Kind.RECHECK, op.id().value());
            }
            // From these moments a new tier-1 caller would have this operative in time (interruptible, or the
            // recovery over, when the caller is about to miss): if the reserve counts them, dispatch must look
            // again. Both, because the tier-1 cap may rule the interruption out.
            DispatchProtections protections = state.config.protections();
            if (protections.tierOneReserve() > 0 && protections.reserveCountsRecovering()) {
                for (Instant from : new Instant[] {interruptible, recoveryEnds}) {
                    Instant reachable = from.minus(protections.recoveryInterruptFromWait());
                    if (reachable.isAfter(now) && reachable.isBefore(recoveryEnds)) {
                        state.timers.set(reachable, Timers.Kind.RECHECK, op.id().value());
                    }
                }
            }
        }
        state.estimator.recordHandled(talkTime.plus(recovery));
    }

    /** An offer ended without a conversation: the operative is free again, or not ready if they did not answer. */
    void release(OperativeId id, OperativeState to, Instant now) {
        state.operative(id).filter(op -> op.state() == OperativeState.RESERVED).ifPresent(op -> {
            // A break, supervision or log-off asked for while they were rung wins, answered or not:
            // otherwise a lead's "send them on a break" would be lost to NOT_READY and the next ready().
            OperativeState next = op.afterCall().orElse(to);
            Operative released = next == OperativeState.AVAILABLE || next == OperativeState.NOT_READY
                    ? op.inState(next, now).withAfterCall(Optional.empty())
                    : op.onBreak(next, now);
            state.change(op, released, now);
        });
    }
}
