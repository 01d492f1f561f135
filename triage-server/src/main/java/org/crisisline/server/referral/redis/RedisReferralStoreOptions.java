package org.crisisline.server.referral.redis;

import java.time.Duration;
import java.util.Objects;

/**
 * Where and how the Redis referral store keeps the book.
 *
 * @param redisUrl          e.g. {@code redis://127.0.0.1:6379/0}
 * @param keyPrefix         prefix of every key (tests isolate themselves with their own)
 * @param timeout           every Redis call fails after this with a {@code ReferralStoreException}
 * @param conflictRetries   how often a change is retried when another node saved the book in between
 */
public record RedisReferralStoreOptions(String redisUrl, String keyPrefix, Duration timeout, int conflictRetries) {
    public RedisReferralStoreOptions {
        Objects.requireNonNull(redisUrl, "redisUrl");
        Objects.requireNonNull(keyPrefix, "keyPrefix");
        Objects.requireNonNull(timeout, "timeout");
        if (keyPrefix.isBlank() || timeout.isNegative() || timeout.isZero() || conflictRetries < 1) {
            throw new IllegalArgumentException("key prefix, timeout and conflict retries must be set and positive");
        }
    }

    /** Defaults: keys under "crisisline", a 2 s timeout, 20 retries on a conflict with another node. */
    public static RedisReferralStoreOptions defaults(String redisUrl) {
        return new RedisReferralStoreOptions(redisUrl, "crisisline", Duration.ofSeconds(2), 20);
    }

    public RedisReferralStoreOptions withKeyPrefix(String prefix) {
        return new RedisReferralStoreOptions(redisUrl, prefix, timeout, conflictRetries);
    }
}
