package org.crisisline.server.announce.redis;

import io.vertx.core.Future;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.Response;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.crisisline.queue.model.CallId;
import org.crisisline.server.announce.AnnouncerLeases;
import org.crisisline.server.redis.TimedRedis;

/**
 * {@link AnnouncerLeases} in Redis, shared by every node: one key per caller,
 * {@code <prefix>:{announcers}:<call id>}, holding the announcing node's name and expiring with the lease, so
 * a lease nobody renews (its node died, or the caller left) goes by itself. One Lua script takes or renews a
 * round's leases atomically; the {@code {announcers}} hash tag keeps every key in one Redis Cluster slot.
 * Thread-safe; never blocks.
 */
public final class RedisAnnouncerLeases implements AnnouncerLeases {
    /** KEYS[i] caller i's lease; ARGV[1] the node, ARGV[2] the lease in ms. Returns the 1-based i held. */
    private static final String HOLD = """
            local held = {}
            for i = 1, #KEYS do
              local holder = redis.call('GET', KEYS[i])
              if not holder then
                redis.call('SET', KEYS[i], ARGV[1], 'PX', ARGV[2])
                held[#held + 1] = i
              elseif holder == ARGV[1] then
                redis.call('PEXPIRE', KEYS[i], ARGV[2])
                held[#held + 1] = i
              end
            end
            return held
            """;

    private final TimedRedis redis;
    private final String keyPrefix;

    private RedisAnnouncerLeases(TimedRedis redis, String keyPrefix) {
        this.redis = redis;
        this.keyPrefix = keyPrefix;
    }

    /** Leases on {@code redis} (not owned: its creator closes it) under {@code keyPrefix}; calls fail after {@code timeout}. */
    public static RedisAnnouncerLeases create(Redis redis, String keyPrefix, Duration timeout) {
        Objects.requireNonNull(keyPrefix, "keyPrefix");
        if (keyPrefix.isBlank()) {
            throw new IllegalArgumentException("a key prefix is needed");
        }
        return new RedisAnnouncerLeases(new TimedRedis(redis, timeout), keyPrefix);
    }

    @Override
    public Future<Set<CallId>> hold(String node, Collection<CallId> callers, Duration lease) {
        List<CallId> asked = List.copyOf(callers);
        if (asked.isEmpty()) {
            return Future.succeededFuture(Set.of());
        }
        List<String> keys = new ArrayList<>(asked.size());
        asked.forEach(caller -> keys.add(keyPrefix + ":{announcers}:" + caller.value()));
        return redis.eval(HOLD, keys, List.of(node, Long.toString(Math.max(1, lease.toMillis()))))
                .map(reply -> {
                    Set<CallId> held = new LinkedHashSet<>();
                    for (Response index : reply) {
                        held.add(asked.get(index.toInteger() - 1));
                    }
                    return held;
                });
    }
}
