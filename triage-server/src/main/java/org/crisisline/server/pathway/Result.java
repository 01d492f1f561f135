package org.crisisline.server.pathway;

import java.util.List;
import java.util.Objects;

/**
 * What a pathway operation did: {@link Accepted} with the new value and the events to publish (empty
 * when a repeated command changed nothing), or {@link Rejected} with a reason a person can read.
 * Expected refusals are values, never exceptions; a rejected operation changes nothing.
 *
 * @param <T> the new state (or the validated value) an accepted operation gives
 */
public sealed interface Result<T> permits Result.Accepted, Result.Rejected {

    static <T> Result<T> accepted(T value, List<? extends PathwayEvent> events) {
        return new Accepted<>(value, List.copyOf(events));
    }

    static <T> Result<T> accepted(T value) {
        return new Accepted<>(value, List.of());
    }

    static <T> Result<T> rejected(String reason) {
        return new Rejected<>(reason);
    }

    default boolean isAccepted() {
        return this instanceof Accepted;
    }

    /** The events of an accepted operation; none for a rejected one. */
    default List<PathwayEvent> events() {
        return this instanceof Accepted<T> accepted ? accepted.events : List.of();
    }

    /** The accepted value; calling this on a rejection is a bug. */
    default T orElseThrow() {
        if (this instanceof Accepted<T> accepted) {
            return accepted.value;
        }
        throw new IllegalStateException("rejected: " + ((Rejected<T>) this).reason);
    }

    record Accepted<T>(T value, List<PathwayEvent> events) implements Result<T> {
        public Accepted {
            Objects.requireNonNull(value, "value");
            events = List.copyOf(events);
        }
    }

    record Rejected<T>(String reason) implements Result<T> {
        public Rejected {
            Objects.requireNonNull(reason, "reason");
            if (reason.isBlank()) {
                throw new IllegalArgumentException("a rejection says why");
            }
        }
    }
}
