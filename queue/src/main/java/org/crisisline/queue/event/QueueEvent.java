package org.crisisline.queue.event;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.crisisline.queue.model.Actor;
import org.crisisline.queue.model.Call;
import org.crisisline.queue.model.CallId;
import org.crisisline.queue.model.CallKind;
import org.crisisline.queue.model.CallerGroup;
import org.crisisline.queue.model.CallerRef;
import org.crisisline.queue.model.CheckInRef;
import org.crisisline.queue.model.OperativeId;
import org.crisisline.queue.model.OperativeState;
import org.crisisline.queue.model.Tier;

/**
 * What happened in the queue. Every operation of the core returns the events it produced; the
 * adapter around it persists and publishes them. Names are past tense. No event carries a raw
 * phone number: callers appear only as {@link CallerRef} pseudonyms.
 */
public sealed interface QueueEvent {
    Instant at();

    /**
     * The call {@code event} ends for good, if it is one of the events that end a call: every call ends with
     * exactly one of CallerAbandoned, CallCompleted, CallbackEscalated, CallbackClosedUnreachable,
     * CallbackSuperseded or CallbackCancelled.
     */
    static Optional<CallId> callEndedBy(QueueEvent event) {
        if (event instanceof CallerAbandoned e) {
            return Optional.of(e.call());
        } else if (event instanceof CallCompleted e) {
            return Optional.of(e.call());
        } else if (event instanceof CallbackEscalated e) {
            return Optional.of(e.call());
        } else if (event instanceof CallbackClosedUnreachable e) {
            return Optional.of(e.call());
        } else if (event instanceof CallbackSuperseded e) {
            return Optional.of(e.call());
        } else if (event instanceof CallbackCancelled e) {
            return Optional.of(e.call());
        }
        return Optional.empty();
    }

    record CallerQueued(Instant at, Call call) implements QueueEvent {
    }

    record CallerRetiered(Instant at, CallId call, Tier from, Tier to, Actor by, String reason) implements QueueEvent {
    }

    /** The caller hung up before an operative answered; {@code group} is for comparing groups of callers. */
    record CallerAbandoned(Instant at, CallId call, Tier tier, Duration waited, CallerGroup group)
            implements QueueEvent {
    }

    /**
     * An operative was chosen for a call: ring them (live) or call them first (agent-first kinds).
     *
     * @param interpreter         the operative does not speak the caller's language: offer an interpreter
     * @param interruptedRecovery a tier-1 caller cut this operative's recovery short
     */
    record OperativeAssigned(Instant at, CallId call, OperativeId operative, Tier tier, CallKind kind,
                             Duration waited, boolean interpreter, boolean interruptedRecovery) implements QueueEvent {
    }

    /** Operative and caller are talking; {@code group} is for comparing groups of callers. */
    record CallConnected(Instant at, CallId call, OperativeId operative, Tier tier, Duration waited,
                         CallerGroup group) implements QueueEvent {
    }

    /** The operative did not answer: the caller keeps the place, the operative is not ready. */
    record OfferNotAnswered(Instant at, CallId call, OperativeId operative) implements QueueEvent {
    }

    record CallCompleted(Instant at, CallId call, OperativeId operative, Tier tier, Duration talkTime)
            implements QueueEvent {
    }

    record OperativeStateChanged(Instant at, OperativeId operative, OperativeState from, OperativeState to)
            implements QueueEvent {
    }

    record RecoveryInterrupted(Instant at, OperativeId operative, CallId call, Duration recoveredFor,
                               int interruptionsSoFar) implements QueueEvent {
    }

    record ClinicalLeadAlerted(Instant at, AlertReason reason, Optional<CallId> call,
                               Optional<OperativeId> operative, String detail) implements QueueEvent {
    }

    record VirtualHoldAccepted(Instant at, CallId call, Instant onTimeBy) implements QueueEvent {
    }

    record CallbackBooked(Instant at, CallId call, Instant slotStart, Instant slotEnd) implements QueueEvent {
    }

    /**
     * An operative booked a callback slot for a caller after their call: a new agent-first call, {@code call},
     * scheduled for the slot (its {@code joinedAt} is the slot's start, its {@code dueBy} the slot's end).
     */
    record CallbackBookedAfterCall(Instant at, Call call) implements QueueEvent {
    }

    /** A callback or check-in entered the queue (its slot opened, its retry came round). */
    record CallbackDue(Instant at, CallId call, CallKind kind, int attempt) implements QueueEvent {
    }

    record CallbackAttemptFailed(Instant at, CallId call, int attempt, String reason) implements QueueEvent {
    }

    record CallbackRetryScheduled(Instant at, CallId call, Instant retryAt, int nextAttempt) implements QueueEvent {
    }

    /** Unreachable after every attempt, and too much at risk to close: a clinical lead owns it now. */
    record CallbackEscalated(Instant at, CallId call, CallerRef caller, Tier tier, int attempts)
            implements QueueEvent {
    }

    /** A clinical lead cancelled a booked callback ({@code by}, with {@code reason}): nobody rings the person. */
    record CallbackCancelled(Instant at, CallId call, CallerRef caller, Actor by, String reason) implements QueueEvent {
    }

    /**
     * A callback the caller asked for instead of waiting is closed because the same caller is on a live call
     * ({@code liveCall}): they rang again while on virtual hold, and the live call took the kept place; or they
     * were answered on it while a virtual hold or a slot picked in the IVR was pending. Nobody rings them back
     * for the same need. A callback an operative booked after a call is a follow-up and is kept.
     */
    record CallbackSuperseded(Instant at, CallId call, CallerRef caller, CallId liveCall) implements QueueEvent {
    }

    /** Unreachable after every attempt, support tier: closed, and recorded, never dropped silently. */
    record CallbackClosedUnreachable(Instant at, CallId call, CallerRef caller, Tier tier, int attempts)
            implements QueueEvent {
    }

    record CheckInSeriesScheduled(Instant at, String seriesId, CallerRef person, Instant firstDue,
                                  Duration interval, int plannedCalls) implements QueueEvent {
    }

    record CheckInScheduled(Instant at, CallId call, CheckInRef checkIn, Instant due) implements QueueEvent {
    }

    record CheckInScreened(Instant at, CallId call, String seriesId, ScreenResult result) implements QueueEvent {
    }

    /** A series was shortened: the next call becomes the last, and it gives notice. */
    record CheckInSeriesShortened(Instant at, String seriesId, int lastCall, Actor by, String reason)
            implements QueueEvent {
    }

    record CheckInSeriesEnded(Instant at, String seriesId, int callsMade) implements QueueEvent {
    }

    /** A clinical lead's (or admin's) decision that overrode the policy: who, what and why. */
    record OverrideRecorded(Instant at, Actor by, String action, String target, String reason)
            implements QueueEvent {
    }

    /** Why a clinical lead is alerted. */
    enum AlertReason {
        TIER_ONE_ANSWERED_BY_NON_CLINICIAN,
        TIER_ONE_WAITING_PAST_TARGET,
        TIER_ONE_CAP_EXCEEDED,
        CALLBACK_OVERDUE,
        CALLBACK_UNREACHABLE,
        CHECK_IN_DETERIORATION
    }

    /** The outcome of a check-in's short deterioration screen. */
    enum ScreenResult {
        STABLE,
        /** Worse: the call continues as a tier-2 crisis call. */
        DETERIORATED,
        /** At risk now: a clinical lead is alerted to join. */
        URGENT
    }
}
