package org.crisisline.queue.store.redis;

import io.vertx.core.Vertx;
import java.time.Clock;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.crisisline.queue.config.QueueConfig;
import org.crisisline.queue.store.QueueStore;
import org.crisisline.queue.store.QueueStoreContract;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;

/** The store contract against a real Redis; each test has keys of its own. */
@DisplayName("The Redis queue store")
class RedisQueueStoreTest extends QueueStoreContract {
    private static Vertx vertx;
    private final String keyPrefix = "test-" + UUID.randomUUID();

    @BeforeAll
    static void startVertx() {
        vertx = Vertx.vertx();
    }

    @AfterAll
    static void stopVertx() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @AfterEach
    void deleteTestKeys() throws Exception {
        TestRedis.deleteKeys(vertx, keyPrefix);
    }

    @Override
    protected QueueStore openStore(QueueConfig config, Clock clock) {
        RedisQueueStoreOptions options = RedisQueueStoreOptions.defaults(TestRedis.url()).withKeyPrefix(keyPrefix);
        return await(RedisQueueStore.open(vertx, config, clock, options).toCompletionStage());
    }
}
