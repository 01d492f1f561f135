package org.crisisline.server;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Clock;
import org.crisisline.queue.config.QueueConfig;
import org.crisisline.queue.store.QueueStore;
import org.crisisline.queue.store.memory.InMemoryQueueStore;
import org.crisisline.queue.store.redis.RedisQueueStore;
import org.crisisline.queue.store.redis.RedisQueueStoreOptions;
import org.crisisline.server.callback.CallbackNumberCipher;
import org.crisisline.server.callback.CallbackNumbers;
import org.crisisline.server.callback.InMemoryCallbackNumbers;
import org.crisisline.server.callback.redis.RedisCallbackNumbers;
import org.crisisline.server.pathway.outbox.RetryPolicy;
import org.crisisline.server.referral.InMemoryReferralStore;
import org.crisisline.server.referral.ReferralStore;
import org.crisisline.server.referral.redis.RedisReferralStore;
import org.crisisline.server.referral.redis.RedisReferralStoreOptions;

/**
 * The state a node keeps, as {@code store.type} says: all of it in this process's memory (one node, lost at
 * exit), or all of it shared in Redis under {@code store.key-prefix} (several nodes, kept across restarts):
 * the queue, the callback numbers (encrypted), and the referrals with their outbox.
 *
 * <p>Threading: {@link #open} never blocks; {@link #close} once, after everything using the stores stopped.
 */
final class ServerStores {
    final QueueStore queue;
    final CallbackNumbers callbackNumbers;
    final ReferralStore referrals;
    private final Runnable closeReferrals;

    private ServerStores(QueueStore queue, CallbackNumbers callbackNumbers, ReferralStore referrals,
                         Runnable closeReferrals) {
        this.queue = queue;
        this.callbackNumbers = callbackNumbers;
        this.referrals = referrals;
        this.closeReferrals = closeReferrals;
    }

    /**
     * Opens the stores. Redis must answer at start, or start-up fails naming {@code store.redis-url}; once
     * running, each store's own timeouts apply and the queue store reports itself degraded on /ready.
     */
    static Future<ServerStores> open(Vertx vertx, ServerOptions options, QueueConfig queueConfig,
                                     RetryPolicy referralRetries, Clock clock) {
        ServerOptions.Store settings = options.store();
        if (settings.type() == ServerOptions.StoreType.MEMORY) {
            return Future.succeededFuture(new ServerStores(new InMemoryQueueStore(queueConfig, clock),
                    new InMemoryCallbackNumbers(), new InMemoryReferralStore(referralRetries), () -> { }));
        }
        RedisQueueStoreOptions defaults = RedisQueueStoreOptions.defaults(settings.redisUrl());
        RedisQueueStoreOptions queueOptions = new RedisQueueStoreOptions(settings.redisUrl(), settings.lineGroup(),
                settings.keyPrefix(), settings.timeout(), settings.snapshotEvery(), defaults.dedupeWindow(),
                defaults.poolSize());
        return RedisQueueStore.open(vertx, queueConfig, clock, queueOptions)
                .recover(e -> Future.failedFuture(new IllegalStateException("store.redis-url: Redis at "
                        + settings.redisUrl() + " cannot be reached: " + e.getMessage(), e)))
                .map(queue -> {
                    // ServerOptions requires the pseudonym key with Redis: every node derives the same cipher key.
                    CallbackNumbers numbers = RedisCallbackNumbers.create(vertx, settings.redisUrl(),
                            settings.keyPrefix(), CallbackNumberCipher.derivedFromBase64(options.pseudonymKey()
                                    .orElseThrow()), settings.callbackNumberTtl(), settings.timeout());
                    RedisReferralStore referrals = RedisReferralStore.create(vertx,
                            new RedisReferralStoreOptions(settings.redisUrl(), settings.keyPrefix(), settings.timeout(),
                                    RedisReferralStoreOptions.defaults(settings.redisUrl()).conflictRetries()),
                            referralRetries);
                    return new ServerStores(queue, numbers, referrals, referrals::close);
                });
    }

    void close() {
        closeReferrals.run();
        callbackNumbers.close();
        queue.close();
    }
}
