package org.crisisline.server.auth;

import java.time.Duration;
import java.util.Objects;

/**
 * How a sign-in ended: {@link SignedIn}; {@link Refused}, the one answer for a wrong password, an unknown
 * username and a disabled account alike; or {@link Locked} by the rate limit, without the password having
 * been tried.
 */
public sealed interface LoginOutcome permits LoginOutcome.SignedIn, LoginOutcome.Refused, LoginOutcome.Locked {

    record SignedIn(Account account) implements LoginOutcome {
        public SignedIn {
            Objects.requireNonNull(account, "account");
        }
    }

    record Refused() implements LoginOutcome {
    }

    record Locked(Duration retryAfter) implements LoginOutcome {
        public Locked {
            Objects.requireNonNull(retryAfter, "retryAfter");
        }
    }
}
