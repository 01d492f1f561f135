package org.crisisline.load.sim.engine;

import org.crisisline.load.sim.callers.SimulatedCaller;
import org.crisisline.load.sim.staff.Shift;
import org.crisisline.queue.model.CallId;
import org.crisisline.queue.model.OperativeId;

/**
 * Something the world outside the queue does at a moment of the simulated day: a caller rings or
 * hangs up, a phone is answered, a conversation ends, an operative's shift or break starts or ends.
 * Events about an offer carry its number, so an event left over from an earlier offer of the same
 * call (after a hang-up or a failed callback attempt) is recognised and ignored.
 */
sealed interface SimEvent {

    /** A live caller reaches the queue (after the IVR). */
    record CallerRings(SimulatedCaller caller) implements SimEvent {
    }

    /** A live caller's patience is over: hangs up if still waiting or ringing. */
    record PatienceRunsOut(CallId call) implements SimEvent {
    }

    /** The operative picks up a live call offered to them. */
    record OperativePicksUp(CallId call, long offer) implements SimEvent {
    }

    /** Agent-first: the operative's leg is up and the person answers. */
    record CalleeAnswers(CallId call, long offer) implements SimEvent {
    }

    /** Agent-first: the operative's leg is up but the person does not answer. */
    record CalleeDoesNotAnswer(CallId call, long offer) implements SimEvent {
    }

    /** The check-in screen finds the person worse: the call continues as a crisis call. */
    record CheckInDeteriorated(CallId call, long offer) implements SimEvent {
    }

    /** Operative and person have talked for the drawn time and hang up. */
    record ConversationEnds(CallId call, long offer) implements SimEvent {
    }

    /** The operative logs on. */
    record ShiftStarts(Shift shift) implements SimEvent {
    }

    /** The operative logs off: now, or when their current call ends. */
    record ShiftEnds(Shift shift) implements SimEvent {
    }

    /** The rota says break: taken now, or when the current call ends. */
    record BreakDue(Shift shift) implements SimEvent {
    }

    /** The break is over: the operative is ready again, if still on it. */
    record BreakEnds(OperativeId operative) implements SimEvent {
    }
}
