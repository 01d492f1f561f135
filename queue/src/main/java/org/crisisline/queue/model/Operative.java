package org.crisisline.queue.model;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * An operative as the dispatcher sees them. Immutable; the core replaces the value on every change.
 *
 * @param idleSince             when they last finished a call (or logged on): ties go to the longest idle
 * @param loadScore             emotional load, normalised to the load model's epoch so that comparing two
 *                              operatives needs no clock (see {@code EmotionalLoadModel})
 * @param consecutiveTierOne    tier-1 calls in a row, reset by a lower-tier call or a break
 * @param recoveryInterruptions how often a tier-1 caller cut their recovery short: shown to leads
 * @param recoveryStarted       when the current recovery began (meaningful in {@link OperativeState#RECOVERY})
 * @param recoveryUntil         when the current recovery ends
 * @param afterCall             the state to go to when the current call ends instead of recovery
 *                              (a break or supervision a lead asked for while they were on a call)
 */
public record Operative(
        OperativeId id,
        Skills skills,
        OperativeState state,
        Instant stateSince,
        Instant idleSince,
        double loadScore,
        int consecutiveTierOne,
        int recoveryInterruptions,
        Optional<CallId> currentCall,
        Instant recoveryStarted,
        Instant recoveryUntil,
        Optional<OperativeState> afterCall) {

    public Operative {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(skills, "skills");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(stateSince, "stateSince");
        Objects.requireNonNull(idleSince, "idleSince");
        Objects.requireNonNull(currentCall, "currentCall");
        Objects.requireNonNull(recoveryStarted, "recoveryStarted");
        Objects.requireNonNull(recoveryUntil, "recoveryUntil");
        Objects.requireNonNull(afterCall, "afterCall");
    }

    /** Someone who has just logged on and is ready. */
    public static Operative loggedOn(OperativeId id, Skills skills, Instant now) {
        return new Operative(id, skills, OperativeState.AVAILABLE, now, now, 0.0, 0, 0, Optional.empty(), now, now,
                Optional.empty());
    }

    public boolean isClinical() {
        return skills.clinical();
    }

    public boolean isAvailable() {
        return state == OperativeState.AVAILABLE;
    }

    public Operative inState(OperativeState newState, Instant now) {
        return new Operative(id, skills, newState, now, idleSince, loadScore, consecutiveTierOne,
                recoveryInterruptions, newState == OperativeState.RESERVED || newState == OperativeState.ON_CALL
                        ? currentCall : Optional.empty(),
                recoveryStarted, recoveryUntil, afterCall);
    }

    public Operative reservedFor(CallId call, Instant now, boolean interruptingRecovery) {
        return new Operative(id, skills, OperativeState.RESERVED, now, idleSince, loadScore, consecutiveTierOne,
                recoveryInterruptions + (interruptingRecovery ? 1 : 0), Optional.of(call), recoveryStarted,
                recoveryUntil, afterCall);
    }

    public Operative answered(Tier tier, Instant now) {
        int streak = tier.isImmediateRisk() ? consecutiveTierOne + 1 : 0;
        return new Operative(id, skills, OperativeState.ON_CALL, now, idleSince, loadScore, streak,
                recoveryInterruptions, currentCall, recoveryStarted, recoveryUntil, afterCall);
    }

    /** The call ended: load added, idle clock restarted, then recovery (or the requested break). */
    public Operative finishedCall(double newLoadScore, OperativeState next, Instant now, Instant recoveryEnds) {
        int streak = next == OperativeState.BREAK ? 0 : consecutiveTierOne;
        return new Operative(id, skills, next, now, now, newLoadScore, streak, recoveryInterruptions,
                Optional.empty(), now, recoveryEnds, Optional.empty());
    }

    public Operative withAfterCall(Optional<OperativeState> requested) {
        return new Operative(id, skills, state, stateSince, idleSince, loadScore, consecutiveTierOne,
                recoveryInterruptions, currentCall, recoveryStarted, recoveryUntil, requested);
    }

    public Operative onBreak(OperativeState breakOrSupervision, Instant now) {
        return new Operative(id, skills, breakOrSupervision, now, idleSince, loadScore,
                breakOrSupervision == OperativeState.BREAK ? 0 : consecutiveTierOne, recoveryInterruptions,
                Optional.empty(), recoveryStarted, recoveryUntil, Optional.empty());
    }

    public Operative withLoadScore(double rebased) {
        return new Operative(id, skills, state, stateSince, idleSince, rebased, consecutiveTierOne,
                recoveryInterruptions, currentCall, recoveryStarted, recoveryUntil, afterCall);
    }

    public Operative withSkills(Skills newSkills) {
        return new Operative(id, newSkills, state, stateSince, idleSince, loadScore, consecutiveTierOne,
                recoveryInterruptions, currentCall, recoveryStarted, recoveryUntil, afterCall);
    }
}
