package org.crisisline.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.crisisline.server.pathway.testing.CafeBuilder.aCafe;

import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.crisisline.queue.config.QueueConfigReader;
import org.crisisline.queue.model.CallId;
import org.crisisline.queue.model.CallerRef;
import org.crisisline.queue.model.Line;
import org.crisisline.queue.model.Tier;
import org.crisisline.queue.store.memory.InMemoryQueueStore;
import org.crisisline.queue.store.redis.RedisQueueStore;
import org.crisisline.server.history.Contact;
import org.crisisline.server.history.memory.InMemoryContactHistoryStore;
import org.crisisline.server.pathway.cafe.Cafe;
import org.crisisline.server.pathway.outbox.RetryPolicy;
import org.crisisline.server.referral.InMemoryReferralStore;
import org.crisisline.server.referral.redis.RedisReferralStore;
import org.crisisline.server.signpost.memory.InMemorySignpostBoard;
import org.crisisline.server.testing.SharedRedis;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Which stores a node opens: all in memory by default, all shared in Redis with {@code store.type = redis}. */
@DisplayName("a node's stores")
class ServerStoresTest {
    private static final Instant EVENING = Instant.parse("2026-11-30T19:00:00Z");
    private static final RetryPolicy RETRIES = new RetryPolicy(Duration.ofSeconds(30), 2.0, Duration.ofMinutes(15), 5);

    private final Vertx vertx = Vertx.vertx();
    private final String prefix = SharedRedis.uniquePrefix("stores");
    private final Clock clock = Clock.fixed(EVENING, ZoneOffset.UTC);

    @AfterEach
    void cleanUp() {
        SharedRedis.deleteKeys(vertx, prefix);
        vertx.close().await();
    }

    @Test
    @DisplayName("the embedded default keeps everything in this process's memory")
    void memoryByDefault() throws Exception {
        ServerStores stores = open(ServerOptions.demo(1));

        assertThat(stores.queue).isInstanceOf(InMemoryQueueStore.class);
        assertThat(stores.referrals).isInstanceOf(InMemoryReferralStore.class);
        assertThat(stores.history).isInstanceOf(InMemoryContactHistoryStore.class);
        assertThat(stores.signposts).isInstanceOf(InMemorySignpostBoard.class);
        stores.close();
    }

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    @DisplayName("on Redis, two nodes see one caller history and one café tally")
    void twoNodesShareRedis() throws Exception {
        ServerOptions demo = ServerOptions.demo(1);
        ServerOptions redis = demo.withStore(demo.store().withRedis(SharedRedis.url(), prefix), SharedRedis.pseudonymKey());
        ServerStores first = open(redis);
        ServerStores second = open(redis);
        try {
            assertThat(second.queue).isInstanceOf(RedisQueueStore.class);
            assertThat(second.referrals).isInstanceOf(RedisReferralStore.class);
            CallerRef caller = new CallerRef("c_shared0caller01");
            Contact contact = Contact.of(CallId.of("call-1"), EVENING, Line.CRISIS, Tier.CRISIS,
                    List.of("advice-and-close"), List.of(), true, Optional.of("Felt calmer by the end"));
            Cafe cafe = aCafe("leeds-haven").openEveryDay("18:00", "23:00").capacity(10).build();

            first.history.record(caller, contact).toCompletableFuture().get(5, TimeUnit.SECONDS);
            first.signposts.recordAll(List.of(cafe), EVENING).await(5, TimeUnit.SECONDS);

            assertThat(second.history.contactsOf(caller).toCompletableFuture().get(5, TimeUnit.SECONDS))
                    .containsExactly(contact);
            assertThat(second.signposts.countsOn(EVENING).await(5, TimeUnit.SECONDS))
                    .containsEntry("leeds-haven", 1);
        } finally {
            first.close();
            second.close();
        }
    }

    private ServerStores open(ServerOptions options) throws Exception {
        return ServerStores.open(vertx, options, QueueConfigReader.read(options.queue()), RETRIES, clock)
                .await(10, TimeUnit.SECONDS);
    }
}
