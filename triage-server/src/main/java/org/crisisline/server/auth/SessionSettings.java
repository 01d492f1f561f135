package org.crisisline.server.auth;

import java.time.Duration;
import java.util.Objects;

/**
 * Server-side sessions: a session ends after {@code auth.session.idle-timeout} (default 30 min) without a
 * request, and in any case {@code auth.session.absolute-lifetime} (default 12 h) after sign-in. The cookie
 * is {@code auth.session.cookie-name} (default {@code crisisline-session}), {@code HttpOnly},
 * {@code SameSite=Strict} and {@code Secure} unless {@code auth.session.cookie-secure} is false (only for a
 * developer's plain-HTTP machine). At most {@code auth.session.max-sessions} (default 10000) live at once;
 * beyond that the least recently used is ended.
 */
public record SessionSettings(Duration idleTimeout, Duration absoluteLifetime, String cookieName,
        boolean cookieSecure, int maxSessions) {
    public SessionSettings {
        Objects.requireNonNull(idleTimeout, "auth.session.idle-timeout");
        Objects.requireNonNull(absoluteLifetime, "auth.session.absolute-lifetime");
        Objects.requireNonNull(cookieName, "auth.session.cookie-name");
        if (idleTimeout.isNegative() || idleTimeout.isZero()) {
            throw new AuthConfigException("auth.session.idle-timeout", "must be positive, was " + idleTimeout);
        }
        if (absoluteLifetime.compareTo(idleTimeout) < 0) {
            throw new AuthConfigException("auth.session.absolute-lifetime",
                    "must be at least auth.session.idle-timeout, was " + absoluteLifetime);
        }
        if (!cookieName.matches("[A-Za-z0-9_-]{1,64}")) {
            throw new AuthConfigException("auth.session.cookie-name", "must be 1 to 64 of A-Z a-z 0-9 _ -");
        }
        if (maxSessions < 1) {
            throw new AuthConfigException("auth.session.max-sessions", "must be at least 1, was " + maxSessions);
        }
    }

    public static SessionSettings defaults() {
        return new SessionSettings(Duration.ofMinutes(30), Duration.ofHours(12), "crisisline-session", true, 10_000);
    }
}
