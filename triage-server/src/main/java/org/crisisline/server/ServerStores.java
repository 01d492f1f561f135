package org.crisisline.server;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.redis.client.Redis;
import java.time.Clock;
import java.time.Duration;
import org.crisisline.queue.config.QueueConfig;
import org.crisisline.queue.store.QueueStore;
import org.crisisline.queue.store.memory.InMemoryQueueStore;
import org.crisisline.queue.store.redis.RedisQueueStore;
import org.crisisline.queue.store.redis.RedisQueueStoreOptions;
import org.crisisline.server.announce.AnnouncerLeases;
import org.crisisline.server.announce.memory.InMemoryAnnouncerLeases;
import org.crisisline.server.announce.redis.RedisAnnouncerLeases;
import org.crisisline.server.callback.CallbackNumberCipher;
import org.crisisline.server.callback.CallbackNumbers;
import org.crisisline.server.callback.InMemoryCallbackNumbers;
import org.crisisline.server.callback.redis.RedisCallbackNumbers;
import org.crisisline.server.history.ContactHistoryStore;
import org.crisisline.server.history.memory.InMemoryContactHistoryStore;
import org.crisisline.server.history.redis.RedisContactHistoryStore;
import org.crisisline.server.pathway.outbox.RetryPolicy;
import org.crisisline.server.referral.InMemoryReferralStore;
import org.crisisline.server.referral.ReferralStore;
import org.crisisline.server.referral.redis.RedisReferralStore;
import org.crisisline.server.referral.redis.RedisReferralStoreOptions;
import org.crisisline.server.signpost.SignpostBoard;
import org.crisisline.server.signpost.memory.InMemorySignpostBoard;
import org.crisisline.server.signpost.redis.RedisSignpostBoard;

/**
 * The state a node keeps, as {@code store.type} says: all of it in this process's memory (one node, lost at
 * exit), or all of it shared in Redis under {@code store.key-prefix} (several nodes, kept across restarts):
 * the queue, the callback numbers (encrypted), the referrals with their outbox, callers' contact history, the
 * café signpost counts and which node announces to which waiting caller.
 *
 * <p>Threading: {@link #open} never blocks; {@link #close} once, after everything using the stores stopped.
 */
final class ServerStores {
    /** An evening's café counts are kept this long after its last signpost (leads look back a day or two). */
    private static final Duration SIGNPOST_COUNTS_KEPT = Duration.ofDays(3);

    final QueueStore queue;
    final CallbackNumbers callbackNumbers;
    final ReferralStore referrals;
    final ContactHistoryStore history;
    final SignpostBoard signposts;
    final AnnouncerLeases announcers;
    private final Runnable closeRest;

    private ServerStores(QueueStore queue, CallbackNumbers callbackNumbers, ReferralStore referrals,
                         ContactHistoryStore history, SignpostBoard signposts, AnnouncerLeases announcers,
                         Runnable closeRest) {
        this.queue = queue;
        this.callbackNumbers = callbackNumbers;
        this.referrals = referrals;
        this.history = history;
        this.signposts = signposts;
        this.announcers = announcers;
        this.closeRest = closeRest;
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
                    new InMemoryCallbackNumbers(), new InMemoryReferralStore(referralRetries),
                    new InMemoryContactHistoryStore(), new InMemorySignpostBoard(),
                    // Leases run on real time, whatever the queue's (demo) clock does.
                    new InMemoryAnnouncerLeases(Clock.systemUTC()), () -> { }));
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
                                    .orElseThrow()), settings.callbackNumberTtl(), settings.timeout(), clock);
                    RedisReferralStore referrals = RedisReferralStore.create(vertx,
                            new RedisReferralStoreOptions(settings.redisUrl(), settings.keyPrefix(), settings.timeout(),
                                    RedisReferralStoreOptions.defaults(settings.redisUrl()).conflictRetries()),
                            referralRetries);
                    Redis shared = Redis.createClient(vertx, settings.redisUrl());
                    return new ServerStores(queue, numbers, referrals,
                            RedisContactHistoryStore.create(shared, settings.keyPrefix(), clock,
                                    RedisContactHistoryStore.DEFAULT_MAX_CONTACTS,
                                    RedisContactHistoryStore.DEFAULT_RETENTION, settings.timeout()),
                            RedisSignpostBoard.create(shared, settings.keyPrefix(), SIGNPOST_COUNTS_KEPT,
                                    settings.timeout()),
                            RedisAnnouncerLeases.create(shared, settings.keyPrefix(), settings.timeout()),
                            () -> {
                                referrals.close();
                                shared.close();
                            });
                });
    }

    void close() {
        closeRest.run();
        callbackNumbers.close();
        queue.close();
    }
}
