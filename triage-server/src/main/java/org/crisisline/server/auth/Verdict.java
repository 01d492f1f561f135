package org.crisisline.server.auth;

import java.util.Objects;

/** What a security rule decided: {@link Allowed}, or {@link Refused} with a reason a person can read. */
public sealed interface Verdict permits Verdict.Allowed, Verdict.Refused {

    Verdict ALLOWED = new Allowed();

    static Verdict refused(String reason) {
        return new Refused(reason);
    }

    default boolean isAllowed() {
        return this instanceof Allowed;
    }

    record Allowed() implements Verdict {
    }

    record Refused(String reason) implements Verdict {
        public Refused {
            Objects.requireNonNull(reason, "reason");
            if (reason.isBlank()) {
                throw new IllegalArgumentException("a refusal says why");
            }
        }
    }
}
