package org.crisisline.server.history.redis;

import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletionStage;
import org.crisisline.queue.model.CallerRef;
import org.crisisline.server.history.Contact;
import org.crisisline.server.history.ContactHistoryStore;
import org.crisisline.server.redis.TimedRedis;

/**
 * A {@link ContactHistoryStore} in Redis, shared by every node and kept across restarts. Per caller
 * pseudonym (never a number) two keys: the hash {@code <prefix>:history:{<pseudonym>}:contacts} (call id to
 * the contact as JSON) and the sorted set {@code <prefix>:history:{<pseudonym>}:order} (call id by the
 * contact's time, for trimming). Recording is one Lua script: it replaces the call's contact (so an outcome
 * sent twice is one contact), drops contacts older than the retention period and the oldest beyond the
 * bound, and renews the keys' expiry (the retention period), so a caller not heard from again is forgotten
 * without a sweeper. The hash tag keeps a caller's two keys in one Redis Cluster slot.
 *
 * <p>DOMAIN.md does not say how long history is kept; the retention period is a parameter (default
 * {@link #DEFAULT_RETENTION}) for the service's data-protection policy to set. Thread-safe; never blocks.
 */
public final class RedisContactHistoryStore implements ContactHistoryStore {
    /** Kept a year unless the deployment says otherwise: long enough to see a caller's pattern of contacts. */
    public static final Duration DEFAULT_RETENTION = Duration.ofDays(365);
    /** The most contacts kept per caller unless the deployment says otherwise: more than an operative reads. */
    public static final int DEFAULT_MAX_CONTACTS = 50;

    /**
     * KEYS[1] the contacts hash, KEYS[2] the order set; ARGV: call id, contact JSON, its time (ms), the most
     * contacts kept, the oldest time kept (ms), the keys' expiry (s).
     */
    private static final String RECORD = """
            redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])
            redis.call('ZADD', KEYS[2], ARGV[3], ARGV[1])
            local stale = redis.call('ZRANGEBYSCORE', KEYS[2], '-inf', '(' .. ARGV[5])
            local over = redis.call('ZCARD', KEYS[2]) - #stale - tonumber(ARGV[4])
            if over > 0 then
              for _, call in ipairs(redis.call('ZRANGE', KEYS[2], #stale, #stale + over - 1)) do
                table.insert(stale, call)
              end
            end
            for _, call in ipairs(stale) do
              redis.call('HDEL', KEYS[1], call)
              redis.call('ZREM', KEYS[2], call)
            end
            if redis.call('ZCARD', KEYS[2]) == 0 then
              redis.call('DEL', KEYS[1], KEYS[2])
            else
              redis.call('EXPIRE', KEYS[1], ARGV[6])
              redis.call('EXPIRE', KEYS[2], ARGV[6])
            end
            return 0
            """;

    private final TimedRedis redis;
    private final String keyPrefix;
    private final Clock clock;
    private final int maxContacts;
    private final Duration retention;

    private RedisContactHistoryStore(TimedRedis redis, String keyPrefix, Clock clock, int maxContacts,
            Duration retention) {
        this.redis = redis;
        this.keyPrefix = keyPrefix;
        this.clock = clock;
        this.maxContacts = maxContacts;
        this.retention = retention;
    }

    /**
     * A store on {@code redis} (not owned: its creator closes it) under {@code keyPrefix}, keeping at most
     * {@code maxContacts} contacts per caller, each for {@code retention} after it happened (by {@code clock}),
     * each call failing after {@code timeout}.
     */
    public static RedisContactHistoryStore create(Redis redis, String keyPrefix, Clock clock, int maxContacts,
            Duration retention, Duration timeout) {
        Objects.requireNonNull(keyPrefix, "keyPrefix");
        Objects.requireNonNull(clock, "clock");
        if (keyPrefix.isBlank() || maxContacts < 1 || retention.toSeconds() < 1) {
            throw new IllegalArgumentException("a key prefix, at least one contact and a retention of at least a "
                    + "second are needed");
        }
        return new RedisContactHistoryStore(new TimedRedis(redis, timeout), keyPrefix, clock, maxContacts, retention);
    }

    /** {@link #create} with the defaults: {@value #DEFAULT_MAX_CONTACTS} contacts, a year, a 2 s timeout. */
    public static RedisContactHistoryStore create(Redis redis, String keyPrefix, Clock clock) {
        return create(redis, keyPrefix, clock, DEFAULT_MAX_CONTACTS, DEFAULT_RETENTION, Duration.ofSeconds(2));
    }

    @Override
    public CompletionStage<Void> record(CallerRef caller, Contact contact) {
        return redis.eval(RECORD, List.of(contacts(caller), order(caller)), List.of(contact.call().value(),
                        ContactJson.encode(contact), String.valueOf(contact.at().toEpochMilli()),
                        String.valueOf(maxContacts), String.valueOf(oldestKept().toEpochMilli()),
                        String.valueOf(retention.toSeconds())))
                .<Void>mapEmpty()
                .toCompletionStage();
    }

    @Override
    public CompletionStage<List<Contact>> contactsOf(CallerRef caller) {
        Instant oldest = oldestKept();
        return redis.send(Request.cmd(Command.HVALS).arg(contacts(caller)))
                .map(values -> values.stream().map(Response::toString).map(ContactJson::decode)
                        .filter(contact -> !contact.at().isBefore(oldest))
                        .sorted(Contact.NEWEST_FIRST)
                        .limit(maxContacts)
                        .toList())
                .toCompletionStage();
    }

    private Instant oldestKept() {
        return clock.instant().minus(retention);
    }

    private String contacts(CallerRef caller) {
        return keyPrefix + ":history:{" + caller.pseudonym() + "}:contacts";
    }

    private String order(CallerRef caller) {
        return keyPrefix + ":history:{" + caller.pseudonym() + "}:order";
    }
}
