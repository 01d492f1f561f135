package org.crisisline.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.crisisline.queue.config.QueueConfigReader;
import org.crisisline.queue.model.Call;
import org.crisisline.queue.model.CallId;
import org.crisisline.queue.model.CallKind;
import org.crisisline.queue.store.redis.RedisQueueStore;
import org.crisisline.queue.store.redis.RedisQueueStoreOptions;
import org.crisisline.server.callback.CallbackNumberCipher;
import org.crisisline.server.callback.redis.RedisCallbackNumbers;
import org.crisisline.server.testing.SharedRedis;
import org.crisisline.telephony.bus.LocalMessageCodec;
import org.crisisline.telephony.event.CallBridged;
import org.crisisline.telephony.event.OriginateSucceeded;
import org.crisisline.telephony.event.TelephonyEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A node killed (kill -9, in a JVM of its own) and a new one started on the same Redis: the queue
 * and the kept callback numbers are in Redis, so nothing is lost. The killed node's simulated PBX dies
 * with it, and its live callers with it; the new node brings its own PBX, finds those callers' channels
 * gone when it squares the queue with it, ends their calls, and makes the callback.
 */
@DisplayName("a node restart on Redis")
class NodeRestartTest {
    private final Vertx vertx = Vertx.vertx();
    private final String prefix = SharedRedis.uniquePrefix("restart");
    private final String pseudonymKey = SharedRedis.pseudonymKey();
    private final List<TelephonyEvent> events = new CopyOnWriteArrayList<>();
    private Process killed;
    private CrisislineServer restarted;

    @AfterEach
    void cleanUp() throws Exception {
        if (killed != null) {
            killed.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        if (restarted != null) {
            restarted.stop().await(10, TimeUnit.SECONDS);
        }
        SharedRedis.deleteKeys(vertx, prefix);
        vertx.close().await(10, TimeUnit.SECONDS);
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    @DisplayName("after kill -9, the new node has every waiting caller in the same order, ends those whose PBX died with the old node, and makes the callback once, agent-first, to the kept number")
    void nodeRestartLosesNothing(@TempDir Path dir) throws Exception {
        Path log = dir.resolve("node1.log");
        killed = RedisNode.start(log, SharedRedis.url(), prefix, pseudonymKey);
        List<CallId> waiting = waitingLine(log);
        assertThat(waiting).hasSize(3);
        killed.destroyForcibly().waitFor(10, TimeUnit.SECONDS);

        ServerOptions options = RedisNode.options(SharedRedis.url(), prefix, pseudonymKey, "op2", "10h");
        List<Call> afterKill = readQueue(options);
        assertThat(afterKill).extracting(Call::id).containsExactlyElementsOf(waiting);
        CallId callback = afterKill.get(0).id();
        assertThat(afterKill.get(0).kind()).isNotEqualTo(CallKind.LIVE);
        String keptNumber = keptNumber(options, callback);

        LocalMessageCodec.install(vertx);
        vertx.eventBus().<TelephonyEvent>consumer(TelephonyEvent.ADDRESS, m -> events.add(m.body()));
        restarted = CrisislineServer.start(vertx, options).await(30, TimeUnit.SECONDS);

        RedisNode.until(() -> events.stream().anyMatch(e -> e instanceof CallBridged bridged
                && bridged.channel().contains("@sim-callee")));
        RedisNode.until(() -> restarted.routing().callFlow().answered() == 1);
        // The live callers' channels died with the killed node's PBX: no ghost is left waiting.
        assertThat(RedisNode.open(restarted)).isEmpty();
        assertThat(restarted.routing().callFlow().abandoned()).isEqualTo(2);
        // Wait a little longer: nothing may dial the callback a second time.
        Thread.sleep(Duration.ofSeconds(2).toMillis());
        List<OriginateSucceeded> operativeLegs = events.stream().filter(OriginateSucceeded.class::isInstance)
                .map(OriginateSucceeded.class::cast).toList();
        assertThat(operativeLegs).singleElement().satisfies(leg -> assertThat(leg.channel()).startsWith("PJSIP/op2"));
        assertThat(events.stream().filter(CallBridged.class::isInstance).map(CallBridged.class::cast)
                .filter(bridged -> bridged.channel().contains("@sim-callee")).toList())
                .singleElement().satisfies(callee -> {
                    assertThat(callee.channel()).startsWith("Local/" + keptNumber + "@sim-callee");
                    assertThat(callee.at()).isAfterOrEqualTo(operativeLegs.get(0).at());
                });
        assertThat(restarted.routing().callFlow().answered()).isEqualTo(1);
    }

    /** The ids the killed node printed once its callers were waiting. */
    private static List<CallId> waitingLine(Path log) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            Optional<String> line = Files.exists(log) ? Files.readAllLines(log).stream()
                    .filter(text -> text.startsWith("waiting ")).findFirst() : Optional.empty();
            if (line.isPresent()) {
                return Arrays.stream(line.get().substring("waiting ".length()).split(",")).map(CallId::of).toList();
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the node never had its callers waiting:\n" + Files.readString(log));
    }

    /** The queue as Redis has it, read by a store of the test's own. */
    private List<Call> readQueue(ServerOptions options) throws Exception {
        RedisQueueStore store = RedisQueueStore.open(vertx, QueueConfigReader.read(options.queue()), Clock.systemUTC(),
                RedisQueueStoreOptions.defaults(SharedRedis.url()).withKeyPrefix(prefix)).await(10, TimeUnit.SECONDS);
        try {
            return RedisNode.waitingAndCallbacks(Future.fromCompletionStage(store.snapshot(100))
                    .await(10, TimeUnit.SECONDS));
        } finally {
            store.close();
        }
    }

    private String keptNumber(ServerOptions options, CallId call) throws Exception {
        RedisCallbackNumbers numbers = RedisCallbackNumbers.create(vertx, SharedRedis.url(), prefix,
                CallbackNumberCipher.derivedFromBase64(pseudonymKey), options.store().callbackNumberTtl(),
                Duration.ofSeconds(2));
        try {
            return Future.fromCompletionStage(numbers.find(call)).await(10, TimeUnit.SECONDS).orElseThrow();
        } finally {
            numbers.close();
        }
    }
}
