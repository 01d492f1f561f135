package org.crisisline.server.auth;

import java.time.Duration;
import java.util.Objects;

/**
 * Sign-in rate limits. After {@code auth.login.max-failures-per-user} (default 5) failed sign-ins for one
 * username, or {@code auth.login.max-failures-per-address} (default 20) from one client address, further
 * attempts are refused for {@code auth.login.first-lockout} (default 1 min), doubling with every further
 * failure up to {@code auth.login.window} (default 15 min). A counter is forgotten one window after its
 * last failure. At most {@code auth.login.max-tracked} (default 10000) usernames and as many addresses are
 * remembered; the least recently failing are forgotten first.
 */
public record ThrottleSettings(int maxFailuresPerUser, int maxFailuresPerAddress, Duration window,
        Duration firstLockout, int maxTracked) {
    public ThrottleSettings {
        positive("auth.login.max-failures-per-user", maxFailuresPerUser);
        positive("auth.login.max-failures-per-address", maxFailuresPerAddress);
        positive("auth.login.max-tracked", maxTracked);
        Objects.requireNonNull(window, "auth.login.window");
        Objects.requireNonNull(firstLockout, "auth.login.first-lockout");
        if (window.isNegative() || window.isZero()) {
            throw new AuthConfigException("auth.login.window", "must be positive, was " + window);
        }
        if (firstLockout.isNegative() || firstLockout.isZero() || firstLockout.compareTo(window) > 0) {
            throw new AuthConfigException("auth.login.first-lockout",
                    "must be positive and at most auth.login.window, was " + firstLockout);
        }
    }

    public static ThrottleSettings defaults() {
        return new ThrottleSettings(5, 20, Duration.ofMinutes(15), Duration.ofMinutes(1), 10_000);
    }

    private static void positive(String key, int value) {
        if (value < 1) {
            throw new AuthConfigException(key, "must be at least 1, was " + value);
        }
    }
}
