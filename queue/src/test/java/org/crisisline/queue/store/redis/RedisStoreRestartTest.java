package org.crisisline.queue.store.redis;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.crisisline.queue.config.QueueConfig;
import org.crisisline.queue.event.QueueEvent;
import org.crisisline.queue.model.CallId;
import org.crisisline.queue.model.CallKind;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A node that dies (kill -9) or restarts finds the group's queue exactly as the log says it is. */
@DisplayName("Restarting a Redis store node")
class RedisStoreRestartTest {
    private final String keyPrefix = "test-restart-" + UUID.randomUUID();
    private final QueueConfig config = StoreLoad.config();
    private final List<Process> processes = new ArrayList<>();
    private final List<RedisQueueStore> stores = new ArrayList<>();
    private Vertx vertx;

    @TempDir
    Path logs;

    @BeforeEach
    void startVertx() {
        vertx = Vertx.vertx();
    }

    @AfterEach
    void cleanUp() throws Exception {
        StoreNodeProcess.killAll(processes);
        stores.forEach(RedisQueueStore::close);
        TestRedis.deleteKeys(vertx, keyPrefix);
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @Test
    @DisplayName("after kill -9 under load, a new node has every waiting caller, callback and check-in in the"
            + " log's order, and a callback that falls due fires exactly once")
    void killedNodeIsReplacedWithNothingLost() throws Exception {
        RedisQueueStoreOptions options = RedisQueueStoreOptions.defaults(TestRedis.url()).withKeyPrefix(keyPrefix)
                .withSnapshotEvery(1_000_000);
        Path log = logs.resolve("node.log");
        Process node = StoreNodeProcess.start(log, TestRedis.url(), keyPrefix, "k", 7, 1_000_000, 1_000_000, true);
        processes.add(node);
        String sequenceKey = RedisKeys.of(options).sequence();
        Poll.until(Duration.ofSeconds(20), "the node appends 300 entries", () -> {
            assertThat(node.isAlive()).as("the node runs; its output: %s", read(log)).isTrue();
            return sequenceAt(sequenceKey) >= 300;
        });

        Instant killedAt = Instant.now();
        node.destroyForcibly();
        assertThat(node.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(node.exitValue()).as("killed by SIGKILL").isEqualTo(137);
        assertThat(read(log)).contains("booked k-slot").doesNotContain("done");
        long atKill = sequenceAt(sequenceKey);

        RedisQueueStore restarted = open(options);
        CallId slotCall = CallId.of("k-slot");
        // The slot opens a few seconds after it was booked: while the node is down, or just after.
        Poll.until(Duration.ofSeconds(10), "the booked callback falls due", () -> {
            try {
                return LogReplay.read(vertx, TestRedis.url(), options, config)
                        .eventsOf(QueueEvent.CallbackDue.class).stream().anyMatch(e -> e.call().equals(slotCall));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        Nodes.Settled settled = Nodes.settle(vertx, TestRedis.url(), options, config, List.of(restarted));

        LogReplay replay = settled.replay();
        assertThat(replay.lastSequence()).isGreaterThanOrEqualTo(atKill);
        QueueView view = settled.views().get(0);
        assertThat(view).isEqualTo(replay.view());
        assertThat(view.waiting()).isNotEmpty();
        assertThat(view.otherOpen()).anyMatch(c -> c.kind() == CallKind.CHECK_IN);
        replay.assertNoCallLost();
        List<QueueEvent.CallbackDue> due = replay.eventsOf(QueueEvent.CallbackDue.class);
        assertThat(due).filteredOn(e -> e.call().equals(slotCall)).singleElement()
                .satisfies(e -> assertThat(e.kind()).isEqualTo(CallKind.SLOT_CALLBACK));
        Instant slotStart = replay.eventsOf(QueueEvent.CallbackBooked.class).stream()
                .filter(e -> e.call().equals(slotCall)).findFirst().orElseThrow().slotStart();
        if (slotStart.isAfter(killedAt)) {
            // It fell due while the node was down: the new node's tick brought it in.
            assertThat(replay.sequenceOfFirst(QueueEvent.CallbackDue.class, e -> e.call().equals(slotCall)))
                    .isGreaterThan(atKill);
        }
        Set<String> attempts = new HashSet<>();
        due.forEach(e -> assertThat(attempts.add(e.call() + "#" + e.attempt()))
                .as("callback %s attempt %d due once", e.call(), e.attempt()).isTrue());
    }

    @Test
    @DisplayName("with an image every 50 entries and the log trimmed, a restarted node equals a node that"
            + " followed the whole log and a replay of the saved image and the log after it")
    void restartFromImageAndTrimmedLogEqualsTheReplay() throws Exception {
        RedisQueueStoreOptions options = RedisQueueStoreOptions.defaults(TestRedis.url()).withKeyPrefix(keyPrefix)
                .withSnapshotEvery(50);
        RedisQueueStore first = open(options);
        RedisQueueStore witness = open(options);
        StoreLoad.Known known = new StoreLoad.Known();
        new StoreLoad(first, "a", 11, known, Clock.systemUTC()).run(600);
        new StoreLoad(witness, "b", 12, known, Clock.systemUTC()).run(200);
        first.close();
        stores.remove(first);

        RedisKeys keys = RedisKeys.of(options);
        long sequence = sequenceAt(keys.sequence());
        Poll.until(Duration.ofSeconds(10), "the witness applies the whole log",
                () -> Nodes.await(witness.appliedSequence()) >= sequence);
        assertThat(sequence).isGreaterThanOrEqualTo(800);
        // An image every 50 entries (give or take one the nodes raced for), the log trimmed up to it.
        // The witness may still be saving an image it took after applying the last entries: read the
        // image's position and the log's start until no save came between the two reads.
        long imageSequence;
        long firstLeft;
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        do {
            imageSequence = LogReplay.imageSequence(vertx, TestRedis.url(), options);
            firstLeft = LogReplay.readLog(vertx, TestRedis.url(), keys.log()).get(0).sequence();
        } while (imageSequence != LogReplay.imageSequence(vertx, TestRedis.url(), options)
                && System.nanoTime() < deadline);
        assertThat(imageSequence).as("the entry the saved image ends with").isGreaterThan(sequence - 150);
        assertThat(firstLeft).as("the first entry left after trimming").isEqualTo(imageSequence);

        RedisQueueStore restarted = open(options);
        Poll.until(Duration.ofSeconds(10), "both nodes apply the same entries", () ->
                Nodes.await(restarted.appliedSequence()).equals(Nodes.await(witness.appliedSequence()))
                        && Nodes.await(witness.appliedSequence()) == sequenceAt(keys.sequence()));
        LogReplay replay = LogReplay.readFromImage(vertx, TestRedis.url(), options, config);
        QueueView restartedView = QueueView.of(Nodes.await(restarted.snapshot(Integer.MAX_VALUE)));
        assertThat(replay.lastSequence()).isEqualTo(Nodes.await(restarted.appliedSequence()));
        assertThat(restartedView).isEqualTo(QueueView.of(Nodes.await(witness.snapshot(Integer.MAX_VALUE))));
        assertThat(restartedView).isEqualTo(replay.view());
        assertThat(restartedView.waiting()).isNotEmpty();
    }

    private RedisQueueStore open(RedisQueueStoreOptions options) {
        RedisQueueStore store = Nodes.await(RedisQueueStore.open(vertx, config, Clock.systemUTC(), options)
                .toCompletionStage());
        stores.add(store);
        return store;
    }

    private long sequenceAt(String key) {
        try {
            String value = LogReplay.get(vertx, TestRedis.url(), key);
            return value == null ? 0 : Long.parseLong(value);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String read(Path log) {
        try {
            return Files.exists(log) ? Files.readString(log) : "";
        } catch (IOException e) {
            return e.toString();
        }
    }
}
