package org.crisisline.server.redis;

import io.vertx.core.Future;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A Redis client whose every call fails after a timeout instead of waiting for ever, with Lua scripts sent
 * by {@code EVAL} (each script runs atomically in Redis). Shared by the stores that keep their state in
 * Redis; it does not own the client, so {@link #close()} is for whoever created it. Thread-safe; never blocks.
 */
public final class TimedRedis {
    private final Redis redis;
    private final Duration timeout;

    public TimedRedis(Redis redis, Duration timeout) {
        this.redis = Objects.requireNonNull(redis, "redis");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        if (timeout.isZero() || timeout.isNegative()) {
            throw new IllegalArgumentException("a Redis timeout must be positive");
        }
    }

    public Future<Response> send(Request request) {
        return redis.send(request)
                .timeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
                .recover(failure -> Future.failedFuture(failure instanceof TimeoutException
                        ? new IllegalStateException("Redis did not answer within " + timeout.toMillis() + " ms", failure)
                        : failure));
    }

    /** Runs {@code script} atomically with {@code keys} as KEYS and {@code args} as ARGV. */
    public Future<Response> eval(String script, List<String> keys, List<String> args) {
        Request request = Request.cmd(Command.EVAL).arg(script).arg(keys.size());
        keys.forEach(request::arg);
        args.forEach(request::arg);
        return send(request);
    }

    public void close() {
        redis.close();
    }
}
