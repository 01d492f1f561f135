package org.crisisline.server.callback.redis;

import io.vertx.core.Vertx;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisOptions;
import io.vertx.redis.client.Request;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import org.crisisline.queue.model.CallId;
import org.crisisline.server.callback.CallbackNumberCipher;
import org.crisisline.server.callback.CallbackNumbers;
import org.crisisline.server.redis.TimedRedis;

/**
 * Callback numbers in Redis, beside the queue they belong to: one key per call,
 * {@code <key-prefix>:callback-number:<call id>}, holding the number encrypted
 * ({@link CallbackNumberCipher}), deleted when the call is over and expiring after {@code ttl} in any
 * case (a node that died before deleting leaves nothing behind for long). Every node configured with
 * the same Redis, prefix and pseudonym key reads what the others kept.
 *
 * <p>Threading: any thread; every Redis call fails after {@code timeout}.
 */
public final class RedisCallbackNumbers implements CallbackNumbers {
    private final TimedRedis redis;
    private final String keyPrefix;
    private final CallbackNumberCipher cipher;
    private final Duration ttl;
    private final Clock clock;

    private RedisCallbackNumbers(TimedRedis redis, String keyPrefix, CallbackNumberCipher cipher, Duration ttl,
                                 Clock clock) {
        this.redis = redis;
        this.keyPrefix = keyPrefix;
        this.cipher = cipher;
        this.ttl = ttl;
        this.clock = clock;
    }

    public static RedisCallbackNumbers create(Vertx vertx, String redisUrl, String keyPrefix,
                                              CallbackNumberCipher cipher, Duration ttl, Duration timeout) {
        return create(vertx, redisUrl, keyPrefix, cipher, ttl, timeout, Clock.systemUTC());
    }

    /** As above, with the clock a number's due time is measured against ({@link #keepUntilDue}). */
    public static RedisCallbackNumbers create(Vertx vertx, String redisUrl, String keyPrefix,
                                              CallbackNumberCipher cipher, Duration ttl, Duration timeout, Clock clock) {
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(keyPrefix, "keyPrefix");
        Objects.requireNonNull(cipher, "cipher");
        if (ttl.toSeconds() < 1 || timeout.isZero() || timeout.isNegative()) {
            throw new IllegalArgumentException("ttl of at least 1s and a positive timeout");
        }
        return new RedisCallbackNumbers(new TimedRedis(Redis.createClient(vertx,
                new RedisOptions().setConnectionString(redisUrl)), timeout), keyPrefix, cipher, ttl, clock);
    }

    /** The Redis key of a call's number (for tests and operators: its value is never the raw number). */
    public String keyOf(CallId call) {
        return keyPrefix + ":callback-number:" + call.value();
    }

    @Override
    public CompletionStage<Void> keep(CallId call, String number) {
        return keepFor(call, number, ttl);
    }

    /** Expires {@code callback-number-ttl} after the call is due, never sooner than a plain {@link #keep}. */
    @Override
    public CompletionStage<Void> keepUntilDue(CallId call, String number, Instant dueAt) {
        Duration untilDue = Duration.between(clock.instant(), dueAt);
        return keepFor(call, number, untilDue.isNegative() ? ttl : ttl.plus(untilDue));
    }

    private CompletionStage<Void> keepFor(CallId call, String number, Duration expiry) {
        return redis.send(Request.cmd(Command.SET).arg(keyOf(call)).arg(cipher.encrypt(call, number))
                .arg("EX").arg(expiry.toSeconds())).<Void>mapEmpty().toCompletionStage();
    }

    @Override
    public CompletionStage<Optional<String>> find(CallId call) {
        return redis.send(Request.cmd(Command.GET).arg(keyOf(call)))
                .map(sealed -> sealed == null ? Optional.<String>empty()
                        : Optional.of(cipher.decrypt(call, sealed.toString())))
                .toCompletionStage();
    }

    @Override
    public CompletionStage<Void> forget(CallId call) {
        return redis.send(Request.cmd(Command.DEL).arg(keyOf(call))).<Void>mapEmpty().toCompletionStage();
    }

    @Override
    public void close() {
        redis.close();
    }
}
