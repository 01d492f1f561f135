package org.crisisline.server.auth;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The live sessions, with idle timeout and absolute lifetime ({@link SessionSettings}). A sign-in always
 * starts a new session with a new random id (256 bits), so an id planted before sign-in is never promoted
 * (session fixation); the caller ends any previous session. An expired session is removed when next looked
 * up and is then indistinguishable from an unknown id.
 *
 * <p>Why not Vert.x Web's {@code SessionHandler}/{@code LocalSessionStore}: they offer only an idle
 * timeout, measured on the system clock by a timer, so an absolute lifetime would have to be bolted on and
 * neither could be tested with a hand-advanced clock. This class is pure apart from the injected
 * {@link Clock} and {@link SecureRandom}; thread-safe (every method is {@code synchronized} and cheap).
 */
public final class SessionRegistry {
    private static final Base64.Encoder TOKEN = Base64.getUrlEncoder().withoutPadding();

    private final SessionSettings settings;
    private final Clock clock;
    private final SecureRandom random;
    private final LinkedHashMap<String, Session> sessions;

    public SessionRegistry(SessionSettings settings, Clock clock, SecureRandom random) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.random = Objects.requireNonNull(random, "random");
        this.sessions = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Session> eldest) {
                return size() > settings.maxSessions();
            }
        };
    }

    public SessionSettings settings() {
        return settings;
    }

    /** Starts a new session for {@code account} with fresh random id and CSRF token. */
    public synchronized Session start(Account account) {
        Instant now = clock.instant();
        Session session = new Session(randomToken(), account.username(), account.displayName(), account.roles(),
                now, now, randomToken());
        sessions.put(session.id(), session);
        return session;
    }

    /** The live session with this id, marked as seen now; empty when unknown, ended or expired. */
    public synchronized Optional<Session> resume(String id) {
        if (id == null) {
            return Optional.empty();
        }
        Session session = sessions.get(id);
        if (session == null) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        if (expired(session, now)) {
            sessions.remove(id);
            return Optional.empty();
        }
        Session seen = session.seenAt(now);
        sessions.put(id, seen);
        return Optional.of(seen);
    }

    /** Ends the session with this id, if any; returns the session that was ended. */
    public synchronized Optional<Session> end(String id) {
        return id == null ? Optional.empty() : Optional.ofNullable(sessions.remove(id));
    }

    /** Ends every session of {@code username} (after a password change or when an account is disabled). */
    public synchronized int endAllOf(String username) {
        int before = sessions.size();
        sessions.values().removeIf(s -> s.username().equals(username));
        return before - sessions.size();
    }

    /** Removes expired sessions; a server calls this now and then from a timer. Returns how many went. */
    public synchronized int sweep() {
        Instant now = clock.instant();
        int before = sessions.size();
        sessions.values().removeIf(s -> expired(s, now));
        return before - sessions.size();
    }

    public synchronized int size() {
        return sessions.size();
    }

    private boolean expired(Session session, Instant now) {
        return !now.isBefore(session.lastSeenAt().plus(settings.idleTimeout()))
                || !now.isBefore(session.startedAt().plus(settings.absoluteLifetime()));
    }

    private String randomToken() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return TOKEN.encodeToString(bytes);
    }
}
