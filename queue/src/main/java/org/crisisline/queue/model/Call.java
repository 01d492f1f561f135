package org.crisisline.queue.model;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One call Crisisline is responsible for, live or agent-first, from the moment it is known until it
 * ends. Immutable: every change makes a new value, so a snapshot can be handed out safely.
 *
 * @param joinedAt      when the caller joined the queue; kept across a virtual-hold callback and
 *                      across re-tiering, because it is the caller's place
 * @param attempts      agent-first attempts made so far (callbacks and check-ins)
 * @param dueBy         for an agent-first call, the latest first attempt that counts as on time
 * @param answeredAt    when operative and caller were connected
 * @param interpreter   answered by an operative without the caller's language: offer an interpreter
 */
public record Call(
        CallId id,
        CallerRef caller,
        Line line,
        CallSource source,
        Tier tier,
        Language language,
        boolean flaggedHighRisk,
        CallKind kind,
        Instant joinedAt,
        CallState state,
        Optional<OperativeId> operative,
        int attempts,
        Optional<Instant> dueBy,
        Optional<CheckInRef> checkIn,
        Optional<Instant> answeredAt,
        boolean interpreter) {

    public Call {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(caller, "caller");
        Objects.requireNonNull(line, "line");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(tier, "tier");
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(joinedAt, "joinedAt");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(operative, "operative");
        Objects.requireNonNull(dueBy, "dueBy");
        Objects.requireNonNull(checkIn, "checkIn");
        Objects.requireNonNull(answeredAt, "answeredAt");
        if (tier == Tier.CHECK_IN && kind != CallKind.CHECK_IN) {
            throw new IllegalArgumentException("only a check-in call is in the check-in tier");
        }
    }

    /** A live caller who has just joined the queue. */
    public static Call live(CallId id, CallerRef caller, Line line, CallSource source, Tier tier,
                            Language language, boolean flaggedHighRisk, Instant joinedAt) {
        return new Call(id, caller, line, source, tier, language, flaggedHighRisk, CallKind.LIVE, joinedAt,
                CallState.WAITING, Optional.empty(), 0, Optional.empty(), Optional.empty(), Optional.empty(), false);
    }

    public Duration waitedAt(Instant now) {
        return Duration.between(joinedAt, now);
    }

    /** A virtual hold or slot callback still to come: waiting or scheduled, not being made now. */
    public boolean isPendingCallback() {
        return (kind == CallKind.VIRTUAL_HOLD || kind == CallKind.SLOT_CALLBACK)
                && (state == CallState.WAITING || state == CallState.SCHEDULED);
    }

    public boolean isWaiting() {
        return state == CallState.WAITING;
    }

    /**
     * This live call in the place {@code kept} held for the same caller (they rang again while on virtual
     * hold): the earlier of the two join times.
     */
    public Call inPlaceOf(Call kept) {
        Instant earlier = kept.joinedAt.isBefore(joinedAt) ? kept.joinedAt : joinedAt;
        return new Call(id, caller, line, source, tier, language, flaggedHighRisk, kind, earlier, state,
                operative, attempts, dueBy, checkIn, answeredAt, interpreter);
    }

    public Call withState(CallState newState) {
        return new Call(id, caller, line, source, tier, language, flaggedHighRisk, kind, joinedAt, newState,
                operative, attempts, dueBy, checkIn, answeredAt, interpreter);
    }

    public Call withTier(Tier newTier) {
        return new Call(id, caller, line, source, newTier, language, flaggedHighRisk, kind, joinedAt, state,
                operative, attempts, dueBy, checkIn, answeredAt, interpreter);
    }

    public Call offeredTo(OperativeId chosen, boolean needsInterpreter) {
        return new Call(id, caller, line, source, tier, language, flaggedHighRisk, kind, joinedAt, CallState.OFFERED,
                Optional.of(chosen), kind.isAgentFirst() ? attempts + 1 : attempts, dueBy, checkIn, answeredAt,
                needsInterpreter);
    }

    public Call connectedAt(Instant now) {
        return new Call(id, caller, line, source, tier, language, flaggedHighRisk, kind, joinedAt,
                CallState.CONNECTED, operative, attempts, dueBy, checkIn, Optional.of(now), interpreter);
    }

    /** Back in the queue (or scheduled again) at the same place, with no operative. */
    public Call backInQueue(CallState newState) {
        return new Call(id, caller, line, source, tier, language, flaggedHighRisk, kind, joinedAt, newState,
                Optional.empty(), attempts, dueBy, checkIn, Optional.empty(), false);
    }

    public Call withAttempts(int newAttempts) {
        return new Call(id, caller, line, source, tier, language, flaggedHighRisk, kind, joinedAt, state,
                operative, newAttempts, dueBy, checkIn, answeredAt, interpreter);
    }

    public Call withCheckIn(CheckInRef newCheckIn) {
        return new Call(id, caller, line, source, tier, language, flaggedHighRisk, kind, joinedAt, state,
                operative, attempts, dueBy, Optional.of(newCheckIn), answeredAt, interpreter);
    }

    /** The caller hung up and keeps the place: called back agent-first when it comes. */
    public Call onVirtualHold(Instant onTimeBy) {
        return new Call(id, caller, line, source, tier, language, flaggedHighRisk, CallKind.VIRTUAL_HOLD, joinedAt,
                CallState.WAITING, Optional.empty(), 0, Optional.of(onTimeBy), checkIn, Optional.empty(), false);
    }

    /** The caller booked a slot: the call leaves the queue and comes back when the slot opens. */
    public Call bookedInto(Instant slotStart, Instant slotEnd) {
        return new Call(id, caller, line, source, tier, language, flaggedHighRisk, CallKind.SLOT_CALLBACK, slotStart,
                CallState.SCHEDULED, Optional.empty(), 0, Optional.of(slotEnd), checkIn, Optional.empty(), false);
    }
}
