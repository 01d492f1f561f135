package org.crisisline.server.auth;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * A signed-in person's server-side session: who, with which roles (as at sign-in), since when, last seen
 * when, and the token that state-changing requests must echo in {@code X-XSRF-TOKEN}. Immutable.
 */
public record Session(String id, String username, String displayName, Set<Role> roles, Instant startedAt,
        Instant lastSeenAt, String csrfToken) {
    public Session {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(lastSeenAt, "lastSeenAt");
        Objects.requireNonNull(csrfToken, "csrfToken");
        roles = Set.copyOf(roles);
    }

    public boolean hasAnyRole(Set<Role> wanted) {
        return wanted.stream().anyMatch(roles::contains);
    }

    Session seenAt(Instant now) {
        return new Session(id, username, displayName, roles, startedAt, now, csrfToken);
    }

    /** Never prints the session id or the token. */
    @Override
    public String toString() {
        return "Session[" + username + ", roles=" + roles + ", startedAt=" + startedAt + "]";
    }
}
