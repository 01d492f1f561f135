package org.crisisline.server;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.crisisline.queue.core.QueueSnapshot;
import org.crisisline.queue.model.Call;
import org.crisisline.queue.model.CallKind;
import org.crisisline.queue.model.CallState;
import org.crisisline.queue.model.OperativeId;
import org.crisisline.queue.model.Skills;
import org.crisisline.server.routing.RoutingOptions;
import org.crisisline.server.testing.QuietPbx;

/**
 * A server node on the tests' Redis, for the restart and several-node tests: the embedded simulated
 * PBX (no random arrivals, operatives always answer, called-back people too), one operative, simulated
 * time 60 times faster. {@link #main} runs one in a process of its own that a test can kill -9: it
 * puts a caller through to its operative, lets a second book a keypad callback and two more wait,
 * prints {@code waiting} and the waiting calls' ids, and runs until killed.
 */
public final class RedisNode {
    static final double TIME_SCALE = 60;

    private RedisNode() {
    }

    /** The options of a node on {@code redisUrl} under {@code keyPrefix}, with one operative. */
    static ServerOptions options(String redisUrl, String keyPrefix, String pseudonymKey, String operative,
                                 String talkTime) {
        ServerOptions demo = ServerOptions.demo(TIME_SCALE);
        RoutingOptions routing = demo.routing().withOperatives(Map.of(OperativeId.of(operative), Skills.trained()))
                .withAnnounceEvery(Duration.ZERO).withReadyAgainAfter(Optional.empty());
        return demo.withStore(demo.store().withRedis(redisUrl, keyPrefix), pseudonymKey)
                .withRouting(routing)
                .withQueue(Map.of("dispatch.tier-one-reserve", "0"))
                .withSimulatedPbx(QuietPbx.settings(talkTime, 0.0));
    }

    /** Arguments: redis-url key-prefix pseudonym-key. */
    public static void main(String[] args) throws Exception {
        Vertx vertx = Vertx.vertx();
        CrisislineServer server = CrisislineServer.start(vertx, options(args[0], args[1], args[2], "op1", "10h"))
                .await(30, TimeUnit.SECONDS);
        server.pbx().placeCall("crisis", "no-danger-keep-waiting").await(10, TimeUnit.SECONDS);
        until(() -> server.routing().callFlow().answered() == 1);
        server.pbx().placeCall("crisis", "take-callback").await(10, TimeUnit.SECONDS);
        until(() -> open(server).stream().anyMatch(call -> call.kind() != CallKind.LIVE));
        server.pbx().placeCall("crisis", "no-danger-keep-waiting").await(10, TimeUnit.SECONDS);
        until(() -> open(server).size() == 2);
        server.pbx().placeCall("crisis", "no-danger-keep-waiting").await(10, TimeUnit.SECONDS);
        until(() -> open(server).size() == 3);
        System.out.println("waiting " + String.join(",", open(server).stream().map(call -> call.id().value()).toList()));
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }

    /** The calls waiting for an operative, callbacks included, in serving order. */
    static List<Call> open(CrisislineServer server) {
        return waitingAndCallbacks(Future.fromCompletionStage(server.store().snapshot(100)).await());
    }

    static List<Call> waitingAndCallbacks(QueueSnapshot snapshot) {
        return Stream.concat(snapshot.waiting().stream(), snapshot.otherOpen().stream()
                .filter(call -> call.state() == CallState.WAITING)).toList();
    }

    /** Starts {@link #main} in a JVM of its own with this one's class path; its output goes to {@code log}. */
    static Process start(Path log, String redisUrl, String keyPrefix, String pseudonymKey) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), RedisNode.class.getName(),
                redisUrl, keyPrefix, pseudonymKey)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
    }

    static void until(BooleanSupplier condition) throws InterruptedException {
        until(condition, 20);
    }

    static void until(BooleanSupplier condition, int seconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("condition not met in " + seconds + " s");
            }
            Thread.sleep(20);
        }
    }
}
