package org.crisisline.server.auth;

import java.time.Duration;
import java.util.Objects;

/** Whether a sign-in may be attempted now: {@link Open}, or {@link Locked} for {@code retryAfter} more. */
public sealed interface ThrottleDecision permits ThrottleDecision.Open, ThrottleDecision.Locked {

    ThrottleDecision OPEN = new Open();

    default boolean isLocked() {
        return this instanceof Locked;
    }

    record Open() implements ThrottleDecision {
    }

    record Locked(Duration retryAfter) implements ThrottleDecision {
        public Locked {
            Objects.requireNonNull(retryAfter, "retryAfter");
        }
    }
}
