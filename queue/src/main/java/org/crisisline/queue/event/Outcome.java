package org.crisisline.queue.event;

import java.util.List;
import java.util.Objects;

/**
 * What an operation of the queue core did: applied (with its events, empty when a repeated command
 * changed nothing) or rejected with a reason. Expected refusals are values, never exceptions.
 * A rejected command changes nothing itself, but time still passes: its events are those of the
 * deadlines that fell due before it (a recovery ending, a callback coming round).
 */
public sealed interface Outcome {
    List<QueueEvent> events();

    default boolean isApplied() {
        return this instanceof Applied;
    }

    static Outcome applied(List<QueueEvent> events) {
        return new Applied(List.copyOf(events));
    }

    static Outcome rejected(Rejection reason, String detail, List<QueueEvent> meanwhile) {
        return new Rejected(reason, detail, meanwhile);
    }

    record Applied(List<QueueEvent> events) implements Outcome {
        public Applied {
            events = List.copyOf(events);
        }
    }

    record Rejected(Rejection reason, String detail, List<QueueEvent> events) implements Outcome {
        public Rejected {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(detail, "detail");
            events = List.copyOf(events);
        }
    }

    /** Why an operation was refused. */
    enum Rejection {
        UNKNOWN_CALL,
        UNKNOWN_OPERATIVE,
        CALL_ENDED,
        WRONG_STATE,
        NOT_ALLOWED_FOR_TIER,
        CALLBACKS_NOT_OFFERED,
        SLOT_FULL,
        SLOT_NOT_OFFERED,
        DUPLICATE_SERIES,
        INVALID
    }
}
