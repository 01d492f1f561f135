package org.crisisline.queue.store.redis;

import java.time.Duration;
import java.util.Objects;

/**
 * Where and how the Redis store keeps a line group's state.
 *
 * @param redisUrl        e.g. {@code redis://127.0.0.1:6379/0}
 * @param lineGroup       the lines that share one queue; its keys share one Redis Cluster hash slot
 * @param keyPrefix       prefix of every key (tests isolate themselves with their own)
 * @param timeout         every Redis call fails after this with a {@code QueueStoreException}
 * @param snapshotEvery   a core image is saved (and the log trimmed) after this many entries
 * @param dedupeWindow    how long a command id is remembered, so a retried append lands once
 * @param poolSize        pooled connections for appends and snapshots (reads use one of their own)
 */
public record RedisQueueStoreOptions(String redisUrl, String lineGroup, String keyPrefix, Duration timeout,
                                     int snapshotEvery, Duration dedupeWindow, int poolSize) {
    public RedisQueueStoreOptions {
        Objects.requireNonNull(redisUrl, "redisUrl");
        Objects.requireNonNull(lineGroup, "lineGroup");
        Objects.requireNonNull(keyPrefix, "keyPrefix");
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(dedupeWindow, "dedupeWindow");
        if (lineGroup.isBlank() || lineGroup.contains("{") || lineGroup.contains("}")) {
            throw new IllegalArgumentException("line group '" + lineGroup + "' must be non-blank, without braces");
        }
        if (timeout.isNegative() || timeout.isZero() || snapshotEvery < 1 || poolSize < 1) {
            throw new IllegalArgumentException("timeout, snapshot-every and pool-size must be positive");
        }
    }

    /**
     * Defaults: one line group "main", a 2 s timeout, an image every 50,000 entries, command ids
     * remembered for 2 minutes (long past any retry of a timed-out append).
     */
    public static RedisQueueStoreOptions defaults(String redisUrl) {
        return new RedisQueueStoreOptions(redisUrl, "main", "crisisline", Duration.ofSeconds(2), 50_000,
                Duration.ofMinutes(2), 8);
    }

    public RedisQueueStoreOptions withKeyPrefix(String prefix) {
        return new RedisQueueStoreOptions(redisUrl, lineGroup, prefix, timeout, snapshotEvery, dedupeWindow, poolSize);
    }

    public RedisQueueStoreOptions withTimeout(Duration newTimeout) {
        return new RedisQueueStoreOptions(redisUrl, lineGroup, keyPrefix, newTimeout, snapshotEvery, dedupeWindow,
                poolSize);
    }

    public RedisQueueStoreOptions withSnapshotEvery(int entries) {
        return new RedisQueueStoreOptions(redisUrl, lineGroup, keyPrefix, timeout, entries, dedupeWindow, poolSize);
    }

    public RedisQueueStoreOptions withRedisUrl(String url) {
        return new RedisQueueStoreOptions(url, lineGroup, keyPrefix, timeout, snapshotEvery, dedupeWindow, poolSize);
    }
}
