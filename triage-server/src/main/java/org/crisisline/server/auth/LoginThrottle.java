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
 * reveals nothing. A success forgets the username's failures (not the address's).
 *
 * <p>An attempt is reserved by {@link #begin} and counts against the limits while its password is being
 * checked, until it ends with exactly one of {@link #recordFailure}, {@link #recordSuccess} or
 * {@link #abandon}: so a burst of concurrent guesses cannot slip past the limit before the first of them
 * is counted. Memory is bounded: each map keeps at most {@code maxTracked} keys, dropping forgotten and
 * then least recently active ones.
 *
 * <p>Pure apart from the injected {@link Clock}; thread-safe (every method is {@code synchronized} and
 * cheap, so it may be called on an event loop).
 */
public final class LoginThrottle {
    /** How long to wait when the limit is taken up by attempts still being checked. */
    static final Duration BUSY = Duration.ofSeconds(1);

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

    /** Whether a sign-in for {@code username} from {@code address} could be tried now; reserves nothing. */
    public synchronized ThrottleDecision check(String username, String address) {
        Instant now = clock.instant();
        return later(byUser.decision(userKey(username), now), byAddress.decision(address, now));
    }

    /** Reserves an attempt when the limits allow one; a {@link ThrottleDecision.Locked} reserves nothing. */
    public synchronized ThrottleDecision begin(String username, String address) {
        ThrottleDecision decision = check(username, address);
        if (!decision.isLocked()) {
            Instant now = clock.instant();
            byUser.reserve(userKey(username), now);
            byAddress.reserve(address, now);
        }
        return decision;
    }

    /** Ends an attempt as failed, counts it, and says whether the next attempt is now locked. */
    public synchronized ThrottleDecision recordFailure(String username, String address) {
        Instant now = clock.instant();
        return later(byUser.fail(userKey(username), now), byAddress.fail(address, now));
    }

    /** Ends an attempt as successful: forgets the username's failures and frees the address's reservation. */
    public synchronized void recordSuccess(String username, String address) {
        byUser.forget(userKey(username));
        byAddress.release(address, clock.instant());
    }

    /** Ends an attempt that could not be decided (e.g. the account store failed) without counting it. */
    public synchronized void abandon(String username, String address) {
        Instant now = clock.instant();
        byUser.release(userKey(username), now);
        byAddress.release(address, now);
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

    /** Failures since {@code lastFailure} (null before the first) and attempts still being checked. */
    private record Counter(int failures, Instant lastFailure, int pending) {
    }

    /** One kind of key; entries in order of last activity, oldest first. */
    private final class Counters {
        private final int limit;
        private final LinkedHashMap<String, Counter> entries = new LinkedHashMap<>();

        Counters(int limit) {
            this.limit = limit;
        }

        ThrottleDecision decision(String key, Instant now) {
            Counter counter = entries.get(key);
            if (counter == null) {
                return ThrottleDecision.OPEN;
            }
            int failures = failures(counter, now);
            ThrottleDecision lock = lockFor(failures, counter.lastFailure, now);
            if (lock.isLocked()) {
                return lock;
            }
            // Once over the limit, attempts go one at a time; below it, up to the failures still allowed.
            int inFlightAllowed = failures >= limit ? 1 : limit - failures;
            return counter.pending >= inFlightAllowed ? new ThrottleDecision.Locked(BUSY) : ThrottleDecision.OPEN;
        }

        void reserve(String key, Instant now) {
            Counter old = entries.remove(key);
            Counter counter = old == null
                    ? new Counter(0, null, 1)
                    : new Counter(failures(old, now), old.lastFailure, old.pending + 1);
            entries.put(key, counter);
            evict(now);
        }

        ThrottleDecision fail(String key, Instant now) {
            Counter old = entries.remove(key);
            int failures = old == null ? 1 : failures(old, now) + 1;
            int pending = old == null ? 0 : Math.max(0, old.pending - 1);
            entries.put(key, new Counter(failures, now, pending));
            evict(now);
            return lockFor(failures, now, now);
        }

        void release(String key, Instant now) {
            Counter old = entries.get(key);
            if (old == null) {
                return;
            }
            Counter counter = new Counter(old.failures, old.lastFailure, Math.max(0, old.pending - 1));
            if (forgotten(counter, now)) {
                entries.remove(key);
            } else {
                entries.put(key, counter);
            }
        }

        void forget(String key) {
            entries.remove(key);
        }

        private int failures(Counter counter, Instant now) {
            return counter.lastFailure == null || !now.isBefore(counter.lastFailure.plus(settings.window()))
                    ? 0 : counter.failures;
        }

        private ThrottleDecision lockFor(int failures, Instant lastFailure, Instant now) {
            if (failures < limit) {
                return ThrottleDecision.OPEN;
            }
            int doublings = Math.min(failures - limit, 20);
            Duration lockout = settings.firstLockout().multipliedBy(1L << doublings);
            if (lockout.compareTo(settings.window()) > 0) {
                lockout = settings.window();
            }
            Duration left = Duration.between(now, lastFailure.plus(lockout));
            return left.isNegative() || left.isZero() ? ThrottleDecision.OPEN : new ThrottleDecision.Locked(left);
        }

        private boolean forgotten(Counter counter, Instant now) {
            return counter.pending == 0 && failures(counter, now) == 0;
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
