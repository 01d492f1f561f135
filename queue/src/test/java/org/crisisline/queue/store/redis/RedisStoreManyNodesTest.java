package org.crisisline.queue.store.redis;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.crisisline.queue.config.QueueConfig;
import org.crisisline.queue.event.Outcome;
import org.crisisline.queue.event.QueueEvent;
import org.crisisline.queue.model.CallId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Three nodes of one line group in one JVM: each store on its own Vert.x instance with its own
 * connections, all sharing the group's keys, taking commands from several threads at once.
 */
@DisplayName("Several Redis store nodes in one JVM")
class RedisStoreManyNodesTest {
    private static final int NODES = 3;
    private static final int THREADS_PER_NODE = 2;
    private static final int STEPS_PER_THREAD = 250;

    private final String keyPrefix = "test-nodes-" + UUID.randomUUID();
    private final QueueConfig config = StoreLoad.config();
    private final RedisQueueStoreOptions options =
            RedisQueueStoreOptions.defaults(TestRedis.url()).withKeyPrefix(keyPrefix);
    private final List<Vertx> vertxes = new ArrayList<>();
    private final List<RedisQueueStore> stores = new ArrayList<>();

    @AfterEach
    void closeNodes() throws Exception {
        stores.forEach(RedisQueueStore::close);
        Vertx cleaner = Vertx.vertx();
        try {
            TestRedis.deleteKeys(cleaner, keyPrefix);
        } finally {
            cleaner.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        }
        for (Vertx vertx : vertxes) {
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        }
    }

    @Test
    @DisplayName("concurrent arrivals, hang-ups, log-ons, connects and call ends on three nodes converge,"
            + " with no caller assigned twice, no operative double-booked, none lost and tier 1 always first")
    void concurrentLoadOnThreeNodesKeepsTheInvariants() throws Exception {
        for (int n = 0; n < NODES; n++) {
            Vertx vertx = Vertx.vertx();
            vertxes.add(vertx);
            stores.add(Nodes.await(RedisQueueStore.open(vertx, config, Clock.systemUTC(), options)
                    .toCompletionStage()));
        }
        StoreLoad.Known known = new StoreLoad.Known();
        ExecutorService pool = Executors.newFixedThreadPool(NODES * THREADS_PER_NODE + 1);
        AtomicBoolean loading = new AtomicBoolean(true);
        AtomicInteger snapshotsChecked = new AtomicInteger();
        List<Outcome> outcomes = new ArrayList<>();
        try {
            List<Future<List<Outcome>>> loads = new ArrayList<>();
            for (int t = 0; t < NODES * THREADS_PER_NODE; t++) {
                RedisQueueStore store = stores.get(t % NODES);
                StoreLoad load = new StoreLoad(store, "n" + (t % NODES) + "t" + t, 1_000 + t, known,
                        Clock.systemUTC());
                loads.add(pool.submit(() -> load.run(STEPS_PER_THREAD)));
            }
            // Meanwhile every node's picture must keep tier-1 callers first and nobody double-booked.
            Future<?> watcher = pool.submit(() -> {
                int i = 0;
                while (loading.get()) {
                    LogReplay.checkState(Nodes.await(stores.get(i++ % NODES).snapshot(Integer.MAX_VALUE)),
                            "in a node's snapshot during the load");
                    snapshotsChecked.incrementAndGet();
                }
                return null;
            });
            for (Future<List<Outcome>> load : loads) {
                outcomes.addAll(load.get(60, TimeUnit.SECONDS));
            }
            loading.set(false);
            watcher.get(10, TimeUnit.SECONDS);
        } finally {
            loading.set(false);
            pool.shutdownNow();
        }

        Nodes.Settled settled = Nodes.settle(vertxes.get(0), TestRedis.url(), options, config, stores);

        assertThat(settled.replay().lastSequence()).isGreaterThanOrEqualTo(NODES * THREADS_PER_NODE
                * STEPS_PER_THREAD);
        assertThat(settled.views()).allSatisfy(view -> assertThat(view).isEqualTo(settled.replay().view()));
        settled.replay().assertNoCallLost();
        assertThat(snapshotsChecked.get()).isPositive();
        // What the nodes answered their callers is what the log says happened.
        Map<CallId, Integer> answeredAssignments = new HashMap<>();
        outcomes.stream().flatMap(o -> o.events().stream())
                .filter(QueueEvent.OperativeAssigned.class::isInstance)
                .map(e -> ((QueueEvent.OperativeAssigned) e).call())
                .forEach(call -> answeredAssignments.merge(call, 1, Integer::sum));
        Map<CallId, Integer> loggedAssignments = settled.replay().assignmentsPerCall();
        assertThat(answeredAssignments).isNotEmpty();
        answeredAssignments.forEach((call, times) ->
                assertThat(times).as("assignments of %s", call).isLessThanOrEqualTo(loggedAssignments.get(call)));
        long unanswered = settled.replay().events().stream()
                .filter(e -> e instanceof QueueEvent.OfferNotAnswered || e instanceof QueueEvent.CallbackAttemptFailed)
                .count();
        int reassignments = loggedAssignments.values().stream().mapToInt(n -> n - 1).sum();
        assertThat((long) reassignments).isLessThanOrEqualTo(unanswered);
    }
}
