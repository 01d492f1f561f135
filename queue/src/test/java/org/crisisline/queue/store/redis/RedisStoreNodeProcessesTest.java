package org.crisisline.queue.store.redis;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.crisisline.queue.config.QueueConfig;
import org.crisisline.queue.event.QueueEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two nodes of one line group in separate JVM processes, then a third node that opens afterwards. */
@DisplayName("Redis store nodes in separate processes")
class RedisStoreNodeProcessesTest {
    private static final int STEPS = 400;

    private final String keyPrefix = "test-procs-" + UUID.randomUUID();
    private final QueueConfig config = StoreLoad.config();
    // A log that is never trimmed, so the whole history can be replayed.
    private final RedisQueueStoreOptions options = RedisQueueStoreOptions.defaults(TestRedis.url())
            .withKeyPrefix(keyPrefix).withSnapshotEvery(1_000_000);
    private final List<Process> processes = new ArrayList<>();
    private Vertx vertx;
    private RedisQueueStore store;

    @TempDir
    Path logs;

    @BeforeEach
    void startVertx() {
        vertx = Vertx.vertx();
    }

    @AfterEach
    void cleanUp() throws Exception {
        StoreNodeProcess.killAll(processes);
        if (store != null) {
            store.close();
        }
        TestRedis.deleteKeys(vertx, keyPrefix);
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @Test
    @DisplayName("two node processes under concurrent load leave one history: a new node and a replay of the"
            + " log agree, no caller was assigned twice, no operative double-booked, none lost")
    void twoProcessesLeaveOneConsistentHistory() throws Exception {
        for (int n = 0; n < 2; n++) {
            processes.add(StoreNodeProcess.start(logs.resolve("node" + n + ".log"), TestRedis.url(), keyPrefix,
                    "p" + n, 42 + n, STEPS, 1_000_000, false));
        }
        for (int n = 0; n < 2; n++) {
            Process process = processes.get(n);
            Path log = logs.resolve("node" + n + ".log");
            assertThat(process.waitFor(40, TimeUnit.SECONDS)).as("node %d finished", n).isTrue();
            assertThat(process.exitValue()).as("node %d's exit status; its output:%n%s", n, Files.readString(log))
                    .isZero();
            assertThat(Files.readString(log)).contains("done p" + n + " " + STEPS);
        }

        store = Nodes.await(RedisQueueStore.open(vertx, config, Clock.systemUTC(), options).toCompletionStage());
        Nodes.Settled settled = Nodes.settle(vertx, TestRedis.url(), options, config, List.of(store));

        LogReplay replay = settled.replay();
        assertThat(replay.lastSequence()).isGreaterThanOrEqualTo(2L * STEPS);
        assertThat(settled.views()).singleElement().isEqualTo(replay.view());
        replay.assertNoCallLost();
        assertThat(replay.enqueued()).anyMatch(c -> c.value().startsWith("p0-"))
                .anyMatch(c -> c.value().startsWith("p1-"));
        assertThat(replay.eventsOf(QueueEvent.OperativeAssigned.class)).isNotEmpty();
        long unanswered = replay.events().stream()
                .filter(e -> e instanceof QueueEvent.OfferNotAnswered || e instanceof QueueEvent.CallbackAttemptFailed)
                .count();
        int reassignments = replay.assignmentsPerCall().values().stream().mapToInt(n -> n - 1).sum();
        assertThat((long) reassignments).isLessThanOrEqualTo(unanswered);
    }
}
