package org.crisisline.server.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Counts failed sign-ins per username and per client address and locks further attempts with a growing
 * delay ({@link ThrottleSettings}). The username is counted whether or not an account has it, so a lockout
 * reveals nothing. A success forgets the username's failures (not the address's). Memory is bounded: each
 * map keeps at most {@code maxTracked} keys, dropping forgotten and then least recently failing ones.
 *
 * <p>Pure apart from the injected {@link Clock}; thread-safe (every method is {@code synchronized} and
 * cheap, so it may be called on an event loop).
 */
public final class LoginThrottle {
    private final ThrottleSettings settings;
    private final Clock clock;
    private final Counters byUser;
    private final Counters byAddress;

    public LoginThrottle(ThrottleSettings settings, Clock clock) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.byUser = new Counters(settings.maxFailuresPerUser());
        this.byAddress = new Counters(settings.maxFailuresPerAddress());
    }

    /** Whether a sign-in for {@code username} from {@code address} may be tried now. */
    public synchronized ThrottleDecision check(String username, String address) {
        Instant now = clock.instant();
        return later(byUser.decision(userKey(username), now), byAddress.decision(address, now));
    }

    /** Counts a failed sign-in and says whether the next attempt is now locked. */
    public synchronized ThrottleDecision recordFailure(String username, String address) {
        Instant now = clock.instant();
        return later(byUser.fail(userKey(username), now), byAddress.fail(address, now));
    }

    /** Forgets the username's failures after a successful sign-in. */
    public synchronized void recordSuccess(String username) {
        byUser.forget(userKey(username));
    }

    /** How many usernames and addresses are remembered now (for tests and metrics). */
    public synchronized int tracked() {
        return byUser.entries.size() + byAddress.entries.size();
    }

    private static String userKey(String username) {
        return username == null ? "" : username.toLowerCase(Locale.ROOT);
    }

    private static ThrottleDecision later(ThrottleDecision a, ThrottleDecision b) {
        if (a instanceof ThrottleDecision.Locked la && b instanceof ThrottleDecision.Locked lb) {
            return la.retryAfter().compareTo(lb.retryAfter()) >= 0 ? a : b;
        }
        return a.isLocked() ? a : b;
    }

    private record Counter(int failures, Instant lastFailure) {
    }

    /** One kind of key; entries in order of last failure, oldest first. */
    private final class Counters {
        private final int limit;
        private final LinkedHashMap<String, Counter> entries = new LinkedHashMap<>();

        Counters(int limit) {
            this.limit = limit;
        }

        ThrottleDecision decision(String key, Instant now) {
            Counter counter = entries.get(key);
            if (counter == null || forgotten(counter, now)) {
                return ThrottleDecision.OPEN;
            }
            return lockFor(counter, now);
        }

        ThrottleDecision fail(String key, Instant now) {
            Counter old = entries.remove(key);
            int failures = old == null || forgotten(old, now) ? 1 : old.failures + 1;
            Counter counter = new Counter(failures, now);
            entries.put(key, counter);
            evict(now);
            return lockFor(counter, now);
        }

        void forget(String key) {
            entries.remove(key);
        }

        private ThrottleDecision lockFor(Counter counter, Instant now) {
            if (counter.failures < limit) {
                return ThrottleDecision.OPEN;
            }
            int doublings = Math.min(counter.failures - limit, 20);
            Duration lockout = settings.firstLockout().multipliedBy(1L << doublings);
            if (lockout.compareTo(settings.window()) > 0) {
                lockout = settings.window();
            }
            Duration left = Duration.between(now, counter.lastFailure.plus(lockout));
            return left.isNegative() || left.isZero() ? ThrottleDecision.OPEN : new ThrottleDecision.Locked(left);
        }

        private boolean forgotten(Counter counter, Instant now) {
            return !now.isBefore(counter.lastFailure.plus(settings.window()));
        }

        private void evict(Instant now) {
            Iterator<Map.Entry<String, Counter>> oldestFirst = entries.entrySet().iterator();
            while (oldestFirst.hasNext()) {
                Map.Entry<String, Counter> oldest = oldestFirst.next();
                if (entries.size() > settings.maxTracked() || forgotten(oldest.getValue(), now)) {
                    oldestFirst.remove();
                } else {
                    return;
                }
            }
        }
    }
}
