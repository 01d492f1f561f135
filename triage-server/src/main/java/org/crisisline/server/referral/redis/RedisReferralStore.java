package org.crisisline.server.referral.redis;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisOptions;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import java.util.Collection;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import org.crisisline.server.pathway.Result;
import org.crisisline.server.pathway.outbox.RetryPolicy;
import org.crisisline.server.pathway.referral.Referral;
import org.crisisline.server.pathway.referral.ReferralBook;
import org.crisisline.server.pathway.referral.ReferralId;
import org.crisisline.server.referral.ReferralStore;
import org.crisisline.server.referral.ReferralStoreException;

/**
 * A {@link ReferralStore} in Redis: the book as one JSON document with a version, in the hash
 * {@code <prefix>:referrals:book}. A change reads the book and its version, applies the pure step, and
 * saves the result with a Lua script that writes only if the version is still the one read (compare and
 * set, atomic in Redis); if another node saved in between, the step runs again on the new book (up to
 * {@code conflictRetries} times). Changes made through one store object are applied one after another, so
 * conflicts come only from other nodes. Every call has the configured timeout; a failure is a
 * {@link ReferralStoreException} and saves nothing.
 *
 * <p>The whole book is rewritten on each change, so settled referrals leave it for the archive: each one a
 * string of its own, {@code <prefix>:referrals:archive:<id>}, kept without expiry (how long records are kept
 * is the service's records policy, not this store's). Thread-safe; never blocks.
 */
public final class RedisReferralStore implements ReferralStore {
    /** KEYS[1] the book; ARGV[1] the version the change was made from; ARGV[2] the new book. 1 saved, 0 conflict. */
    private static final String COMPARE_AND_SET = """
            local current = redis.call('HGET', KEYS[1], 'version') or '0'
            if current ~= ARGV[1] then return 0 end
            redis.call('HSET', KEYS[1], 'version', tostring(tonumber(ARGV[1]) + 1), 'book', ARGV[2])
            return 1
            """;

    private final Redis redis;
    private final RedisReferralStoreOptions options;
    private final RetryPolicy policy;
    private final String key;
    private Future<?> lastChange = Future.succeededFuture();

    private record Versioned(String version, ReferralBook book) {
    }

    private RedisReferralStore(Redis redis, RedisReferralStoreOptions options, RetryPolicy policy) {
        this.redis = redis;
        this.options = options;
        this.policy = policy;
        this.key = options.keyPrefix() + ":referrals:book";
    }

    public static RedisReferralStore create(Vertx vertx, RedisReferralStoreOptions options, RetryPolicy policy) {
        Objects.requireNonNull(options, "options");
        Redis redis = Redis.createClient(vertx, new RedisOptions().setConnectionString(options.redisUrl())
                .setMaxPoolSize(4).setMaxPoolWaiting(256));
        return new RedisReferralStore(redis, options, Objects.requireNonNull(policy, "policy"));
    }

    @Override
    public Future<ReferralBook> read() {
        return fetch().map(Versioned::book);
    }

    @Override
    public Future<Result<ReferralBook>> change(Function<ReferralBook, Result<ReferralBook>> step) {
        synchronized (this) {
            Future<Result<ReferralBook>> next = lastChange.transform(previous -> attempt(step, 1));
            lastChange = next;
            return next;
        }
    }

    @Override
    public Future<Void> archive(Collection<Referral> settled) {
        // One SET each, not MSET: on a Redis Cluster the archive keys lie in different slots.
        return Future.all(settled.stream().map(referral -> send(Request.cmd(Command.SET)
                        .arg(archiveKey(referral.id())).arg(ReferralBookJson.encodeReferral(referral)))).toList())
                .mapEmpty();
    }

    @Override
    public Future<Optional<Referral>> archived(ReferralId id) {
        return send(Request.cmd(Command.GET).arg(archiveKey(id)))
                .map(json -> Optional.ofNullable(json).map(found -> ReferralBookJson.decodeReferral(found.toString())));
    }

    public void close() {
        redis.close();
    }

    private String archiveKey(ReferralId id) {
        return options.keyPrefix() + ":referrals:archive:" + id.value();
    }

    private Future<Result<ReferralBook>> attempt(Function<ReferralBook, Result<ReferralBook>> step, int attempt) {
        return fetch().compose(current -> {
            Result<ReferralBook> result;
            try {
                result = Objects.requireNonNull(step.apply(current.book()), "a step returns a result");
            } catch (RuntimeException bug) {
                return Future.failedFuture(bug);
            }
            if (!(result instanceof Result.Accepted<ReferralBook> accepted) || accepted.value() == current.book()) {
                return Future.succeededFuture(result);
            }
            return saved(current.version(), accepted.value()).compose(saved -> {
                if (saved) {
                    return Future.succeededFuture(result);
                }
                if (attempt >= options.conflictRetries()) {
                    return Future.failedFuture(new ReferralStoreException("the referral book changed on another node "
                            + attempt + " times while this change was being made; nothing was saved"));
                }
                return attempt(step, attempt + 1);
            });
        });
    }

    private Future<Versioned> fetch() {
        return send(Request.cmd(Command.HMGET).arg(key).arg("version").arg("book")).map(response -> {
            Response version = response.get(0);
            Response book = response.get(1);
            return new Versioned(version == null ? "0" : version.toString(),
                    book == null ? ReferralBook.empty(policy) : ReferralBookJson.decode(book.toString(), policy));
        });
    }

    private Future<Boolean> saved(String version, ReferralBook book) {
        return send(Request.cmd(Command.EVAL).arg(COMPARE_AND_SET).arg(1).arg(key).arg(version)
                .arg(ReferralBookJson.encode(book))).map(response -> response.toInteger() == 1);
    }

    private Future<Response> send(Request request) {
        return redis.send(request)
                .timeout(options.timeout().toMillis(), TimeUnit.MILLISECONDS)
                .recover(failure -> Future.failedFuture(failure instanceof TimeoutException
                        ? new ReferralStoreException("Redis did not answer within " + options.timeout().toMillis() + " ms")
                        : new ReferralStoreException("Redis failed: " + failure.getMessage(), failure)));
    }
}
