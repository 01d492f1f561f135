package org.crisisline.queue.store.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.crisisline.queue.command.QueueCommand;
import org.crisisline.queue.config.QueueConfig;
import org.crisisline.queue.event.Outcome;
import org.crisisline.queue.model.Call;
import org.crisisline.queue.model.CallId;
import org.crisisline.queue.model.CallSource;
import org.crisisline.queue.model.CallerRef;
import org.crisisline.queue.model.Language;
import org.crisisline.queue.model.Line;
import org.crisisline.queue.model.Tier;
import org.crisisline.queue.store.QueueStoreException;
import org.crisisline.queue.store.StoreHealth;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Redis going away, coming back (with its data, or empty) and being slow, on a redis-server of the
 * test's own: the store fails fast and clearly, says it is degraded, and heals without a hand.
 */
@DisplayName("The Redis store when Redis is down or slow")
class RedisStoreOutageTest {
    private static final Duration TIMEOUT = Duration.ofMillis(300);

    private final QueueConfig config = StoreLoad.config();
    private final List<RedisQueueStore> stores = new ArrayList<>();
    private Vertx vertx;
    private OwnRedis redis;

    @TempDir
    Path dir;

    /**
     * A first store in a fresh JVM takes longer than the short timeout to open (class loading, the
     * first connection): one opened and closed beforehand on the shared Redis, so the tests time Redis only.
     */
    @BeforeAll
    static void warmUp() throws Exception {
        Vertx vertx = Vertx.vertx();
        String prefix = "test-outage-warm-up-" + UUID.randomUUID();
        try {
            RedisQueueStore store = Nodes.await(RedisQueueStore.open(vertx, StoreLoad.config(), Clock.systemUTC(),
                    RedisQueueStoreOptions.defaults(TestRedis.url()).withKeyPrefix(prefix)).toCompletionStage());
            Nodes.await(store.execute(new QueueCommand.Tick()));
            Nodes.await(store.snapshot(10));
            store.close();
            TestRedis.deleteKeys(vertx, prefix);
        } finally {
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        }
    }

    @BeforeEach
    void startVertx() {
        vertx = Vertx.vertx();
    }

    @AfterEach
    void cleanUp() throws Exception {
        stores.forEach(RedisQueueStore::close);
        if (redis != null) {
            redis.kill();
        }
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @Test
    @DisplayName("with Redis stopped a command fails within the timeout and the store is degraded; when Redis"
            + " restarts with its data the store heals by itself and the earlier state is intact")
    void storeHealsWhenRedisRestartsWithItsData() throws Exception {
        redis = OwnRedis.persistent(dir);
        RedisQueueStore store = open();
        run(store, enqueue("before-1", Tier.CRISIS));
        run(store, enqueue("before-2", Tier.IMMEDIATE_RISK));
        assertThat(store.health().healthy()).isTrue();

        redis.kill();

        assertFailsWithinTheTimeout(store, enqueue("during", Tier.CRISIS));
        StoreHealth degraded = store.health();
        assertThat(degraded.healthy()).isFalse();
        assertThat(degraded.detail()).startsWith("Redis").doesNotEndWith("null");

        redis.start();

        Poll.until(Duration.ofSeconds(5), "the store is healthy again", () -> store.health().healthy());
        run(store, enqueue("after", Tier.SUPPORT));
        assertThat(waitingIds(store)).containsExactly("before-2", "before-1", "after");
        RedisQueueStore another = open();
        assertThat(waitingIds(another)).containsExactly("before-2", "before-1", "after");
    }

    @Test
    @DisplayName("when Redis comes back empty the store re-seeds the log from its own copy: nothing it knew is"
            + " lost, new commands succeed and a new node sees it all")
    void storeReseedsARedisThatCameBackEmpty() throws Exception {
        redis = OwnRedis.volatileOnly(dir);
        RedisQueueStore store = open();
        run(store, enqueue("before-1", Tier.SUPPORT));
        run(store, enqueue("before-2", Tier.CRISIS));
        run(store, new QueueCommand.AcceptVirtualHold(CallId.of("before-1")));
        long before = Nodes.await(store.appliedSequence());

        redis.kill();
        assertFailsWithinTheTimeout(store, enqueue("during", Tier.CRISIS));
        assertThat(store.health().healthy()).isFalse();
        redis.start();
        assertThat(redis.send("DBSIZE")).as("Redis came back empty").isEqualTo(":0");

        Poll.until(Duration.ofSeconds(5), "the store is healthy again", () -> store.health().healthy());
        run(store, enqueue("after", Tier.SUPPORT));

        assertThat(Nodes.await(store.appliedSequence())).isEqualTo(before + 1);
        assertThat(waitingIds(store)).containsExactly("before-2", "before-1", "after");
        RedisQueueStore another = open();
        assertThat(Nodes.await(another.appliedSequence())).isEqualTo(before + 1);
        assertThat(QueueView.of(Nodes.await(another.snapshot(100))))
                .isEqualTo(QueueView.of(Nodes.await(store.snapshot(100))));
        run(another, enqueue("after-on-another", Tier.SUPPORT));
        Poll.until(Duration.ofSeconds(5), "the first node applies the second node's command",
                () -> Nodes.await(store.appliedSequence()) == before + 2);
        assertThat(waitingIds(store)).containsExactly("before-2", "before-1", "after", "after-on-another");
    }

    @Test
    @DisplayName("when a new node starts the group afresh on a Redis that came back empty, a node that knew the"
            + " lost log follows the new one instead of being stuck, and both agree")
    void nodeThatKnewTheLostLogFollowsTheNewOne() throws Exception {
        redis = OwnRedis.volatileOnly(dir);
        RedisQueueStore old = open();
        run(old, enqueue("lost-1", Tier.CRISIS));
        run(old, enqueue("lost-2", Tier.SUPPORT));

        redis.kill();
        redis.start();
        // A node that never saw the lost log can only start the group from nothing.
        RedisQueueStore fresh = open();
        run(fresh, enqueue("new-1", Tier.CRISIS));

        Poll.until(Duration.ofSeconds(5), "the old node is healthy again", () -> old.health().healthy());
        Poll.until(Duration.ofSeconds(5), "the old node follows the new log",
                () -> Nodes.await(old.appliedSequence()).equals(Nodes.await(fresh.appliedSequence())));
        run(old, enqueue("new-2", Tier.SUPPORT));
        Poll.until(Duration.ofSeconds(5), "the new node applies the old node's command",
                () -> Nodes.await(fresh.appliedSequence()) == 2);
        assertThat(waitingIds(old)).containsExactly("new-1", "new-2");
        assertThat(QueueView.of(Nodes.await(old.snapshot(100))))
                .isEqualTo(QueueView.of(Nodes.await(fresh.snapshot(100))));
    }

    @Test
    @DisplayName("when Redis is too slow a command fails clearly within the timeout, and the store recovers"
            + " once Redis answers again")
    void slowRedisFailsTheCommandClearly() throws Exception {
        redis = OwnRedis.persistent(dir);
        RedisQueueStore store = open();
        run(store, enqueue("before", Tier.CRISIS));

        // Every client's commands wait for a second and a half, as behind a long-running command.
        assertThat(redis.send("CLIENT", "PAUSE", "1500", "ALL")).isEqualTo("+OK");

        assertFailsWithinTheTimeout(store, enqueue("slow", Tier.CRISIS));
        assertThat(store.health().healthy()).isFalse();
        assertThat(store.health().detail()).startsWith("Redis").contains("Timeout");

        // Answered only once the pause is over.
        assertThat(redis.send("PING")).isEqualTo("+PONG");
        Poll.until(Duration.ofSeconds(5), "the store is healthy again", () -> store.health().healthy());
        run(store, enqueue("after", Tier.SUPPORT));
        // The timed-out command had reached Redis: it is applied once, after the pause, or not at all.
        assertThat(waitingIds(store)).startsWith("before").contains("after").doesNotHaveDuplicates();
    }

    private void assertFailsWithinTheTimeout(RedisQueueStore store, QueueCommand command) {
        long started = System.nanoTime();
        assertThatThrownBy(() -> store.execute(command).toCompletableFuture().join())
                .isInstanceOf(CompletionException.class)
                .hasCauseInstanceOf(QueueStoreException.class)
                .cause().hasMessageContaining(command.getClass().getSimpleName());
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        // The timeout, and some room for a loaded machine; never the 10 s a hung call would take.
        assertThat(took).isLessThan(TIMEOUT.plusMillis(700));
    }

    private RedisQueueStore open() {
        RedisQueueStoreOptions options = RedisQueueStoreOptions.defaults(redis.url()).withKeyPrefix("test-outage")
                .withTimeout(TIMEOUT);
        RedisQueueStore store = Nodes.await(RedisQueueStore.open(vertx, config, Clock.systemUTC(), options)
                .toCompletionStage());
        stores.add(store);
        return store;
    }

    private static Outcome run(RedisQueueStore store, QueueCommand command) {
        Outcome outcome = Nodes.await(store.execute(command));
        assertThat(outcome.isApplied()).as("%s applied: %s", command, outcome).isTrue();
        return outcome;
    }

    private static List<String> waitingIds(RedisQueueStore store) {
        return Nodes.await(store.snapshot(100)).waiting().stream().map(c -> c.id().value()).toList();
    }

    private static QueueCommand enqueue(String id, Tier tier) {
        return new QueueCommand.Enqueue(Call.live(CallId.of(id), new CallerRef("ref-" + id),
                tier == Tier.SUPPORT ? Line.SUPPORT : Line.CRISIS, CallSource.SELF, tier, Language.ENGLISH, false,
                Clock.systemUTC().instant()));
    }
}
