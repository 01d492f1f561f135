package org.crisisline.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.crisisline.queue.core.QueueSnapshot;
import org.crisisline.queue.model.OperativeId;
import org.crisisline.queue.model.Skills;
import org.crisisline.server.testing.QuietPbx;
import org.crisisline.server.testing.SharedRedis;
import org.crisisline.telephony.ami.AmiOptions;
import org.crisisline.telephony.bus.LocalMessageCodec;
import org.crisisline.telephony.event.CallEnded;
import org.crisisline.telephony.event.OperativeAnswered;
import org.crisisline.telephony.event.OperativeRinging;
import org.crisisline.telephony.event.TelephonyEvent;
import org.crisisline.telephony.sim.SimulatedPbx;
import org.crisisline.telephony.sim.SimulatedPbxOptions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Two server nodes on one Redis and one PBX (README, "Several nodes"): the simulated PBX runs on its
 * own, its FastAGI client pointed at node A's IVR; both nodes follow it over AMI, both log the same
 * operatives on, and each rings the callers whose assignment its own command produced. Each node has
 * a Vert.x (an event bus) of its own, as separate processes would. Also a node replaced by another
 * while its callers hold on the PBX, which outlives it as Asterisk outlives a crashed node.
 */
@DisplayName("several nodes on one Redis")
class SeveralNodesTest {
    private static final int CALLERS = 12;
    private static final Duration PACE = Duration.ofMillis(300);
    private static final String AMI_SECRET = "several-nodes-secret";
    private static final List<String> OPERATIVES = List.of("op1", "op2", "op3");

    private final Vertx pbxVertx = Vertx.vertx();
    private final Vertx vertxA = Vertx.vertx();
    private final Vertx vertxB = Vertx.vertx();
    private final String prefix = SharedRedis.uniquePrefix("several-nodes");
    private final String pseudonymKey = SharedRedis.pseudonymKey();
    private final List<TelephonyEvent> events = new CopyOnWriteArrayList<>();
    private final List<CrisislineServer> nodes = new ArrayList<>();
    private SimulatedPbx pbx;

    @AfterEach
    void cleanUp() throws Exception {
        for (CrisislineServer node : nodes) {
            node.stop().await(10, TimeUnit.SECONDS);
        }
        if (pbx != null) {
            pbx.stop().await(10, TimeUnit.SECONDS);
        }
        SharedRedis.deleteKeys(pbxVertx, prefix);
        for (Vertx vertx : List.of(vertxA, vertxB, pbxVertx)) {
            vertx.close().await(10, TimeUnit.SECONDS);
        }
    }

    @Test
    @Timeout(value = 90, unit = TimeUnit.SECONDS)
    @DisplayName("every caller is answered once, no operative has two callers at once, none is lost")
    void twoNodesShareTheQueue() throws Exception {
        int ivrPort = freePort();
        startPbx(ivrPort);
        LocalMessageCodec.install(vertxA);
        vertxA.eventBus().<TelephonyEvent>consumer(TelephonyEvent.ADDRESS, m -> events.add(m.body()));
        CrisislineServer nodeA = start(vertxA, options().withIvrPort(ivrPort));
        CrisislineServer nodeB = start(vertxB, options());

        for (int i = 0; i < CALLERS; i++) {
            pbx.placeCall("crisis", "no-danger-keep-waiting").await(5, TimeUnit.SECONDS);
            // Callers a little apart, as on a real line: a burst on two shared cores outlasts the IVR's timeouts.
            Thread.sleep(PACE.toMillis());
        }
        RedisNode.until(() -> completed(nodeA, nodeB) == CALLERS, 15);

        assertThat(nodeA.routing().callFlow().answered() + nodeB.routing().callFlow().answered()).isEqualTo(CALLERS);
        assertThat(nodeA.routing().callFlow().abandoned() + nodeB.routing().callFlow().abandoned()).isZero();
        // Both nodes end calls (each saw the hang-up); the one whose EndCall landed first assigned the
        // next caller and rang them, A's IVR callers included.
        assertThat(nodeA.routing().callFlow().assigned() + nodeB.routing().callFlow().assigned()).isEqualTo(CALLERS);
        assertThat(nodeB.routing().callFlow().assigned()).isPositive();
        assertEachRungOnce(CALLERS);
        assertNoOperativeTalkedToTwoAtOnce();
        assertQueueEmpty(nodeB);
    }

    @Test
    @Timeout(value = 90, unit = TimeUnit.SECONDS)
    @DisplayName("a node stopped and another started in its place: the callers still holding on the PBX are rung and answered by the new node, each once")
    void aNewNodeRingsCallersItNeverSawArrive() throws Exception {
        int ivrPort = freePort();
        startPbx(ivrPort);
        // Nobody on shift on the first node: its callers hold.
        ServerOptions first = options().withIvrPort(ivrPort);
        CrisislineServer nodeA = start(vertxA, first.withRouting(first.routing().withOperatives(Map.of())));
        for (int i = 0; i < 3; i++) {
            pbx.placeCall("crisis", "no-danger-keep-waiting").await(5, TimeUnit.SECONDS);
        }
        RedisNode.until(() -> RedisNode.open(nodeA).size() == 3, 15);
        nodeA.stop().await(10, TimeUnit.SECONDS);
        nodes.remove(nodeA);

        LocalMessageCodec.install(vertxB);
        vertxB.eventBus().<TelephonyEvent>consumer(TelephonyEvent.ADDRESS, m -> events.add(m.body()));
        CrisislineServer nodeB = start(vertxB, options());
        RedisNode.until(() -> nodeB.routing().callFlow().completed() == 3, 30);

        assertThat(nodeB.routing().callFlow().answered()).isEqualTo(3);
        assertThat(nodeB.routing().callFlow().abandoned()).isZero();
        assertEachRungOnce(3);
        assertQueueEmpty(nodeB);
    }

    /** From the PBX's own events: {@code callers} callers were rung, each exactly once. */
    private void assertEachRungOnce(int callers) {
        Map<String, Long> ringsPerCaller = events.stream().filter(OperativeRinging.class::isInstance)
                .map(e -> ((OperativeRinging) e).callerChannel()).collect(Collectors.groupingBy(c -> c,
                        Collectors.counting()));
        assertThat(ringsPerCaller).hasSize(callers).allSatisfy((caller, rings) -> assertThat(rings).isOne());
    }

    private static void assertQueueEmpty(CrisislineServer node) throws Exception {
        QueueSnapshot end = Future.fromCompletionStage(node.store().snapshot(100)).await(5, TimeUnit.SECONDS);
        assertThat(end.waiting()).isEmpty();
        assertThat(end.otherOpen()).isEmpty();
    }

    /** From the PBX's own events: each operative's calls, answer to caller's hang-up, never overlap. */
    private void assertNoOperativeTalkedToTwoAtOnce() {
        Map<String, Instant> ended = events.stream().filter(CallEnded.class::isInstance).map(CallEnded.class::cast)
                .collect(Collectors.toMap(CallEnded::channel, CallEnded::at, (first, second) -> first));
        Map<String, List<OperativeAnswered>> byOperative = events.stream().filter(OperativeAnswered.class::isInstance)
                .map(OperativeAnswered.class::cast).collect(Collectors.groupingBy(OperativeAnswered::endpoint));
        assertThat(byOperative.values().stream().mapToInt(List::size).sum()).isEqualTo(CALLERS);
        byOperative.forEach((operative, answers) -> {
            List<OperativeAnswered> inOrder = answers.stream().sorted(Comparator.comparing(OperativeAnswered::at))
                    .toList();
            for (int i = 1; i < inOrder.size(); i++) {
                Instant previousEnd = ended.get(inOrder.get(i - 1).callerChannel());
                assertThat(previousEnd).as("%s's call with %s ended", operative, inOrder.get(i - 1).callerChannel())
                        .isNotNull().isBeforeOrEqualTo(inOrder.get(i).at());
            }
        });
    }

    /** The PBX on its own, its FastAGI client pointed at {@code ivrPort}. */
    private void startPbx(int ivrPort) throws Exception {
        pbx = SimulatedPbx.start(pbxVertx, SimulatedPbxOptions.fromJson(QuietPbx.settings("2m", 0.0)
                .put("ami-port", 0).put("ami-secret", AMI_SECRET).put("agi-port", ivrPort).put("agi-timeout", "1h")
                .put("time-scale", RedisNode.TIME_SCALE)
                .put("heartbeat-stale", ServerConfig.heartbeatStale(RedisNode.TIME_SCALE))
                .put("operative-endpoints", new JsonArray(OPERATIVES))))
                .await(10, TimeUnit.SECONDS);
    }

    private static long completed(CrisislineServer a, CrisislineServer b) {
        return a.routing().callFlow().completed() + b.routing().callFlow().completed();
    }

    private CrisislineServer start(Vertx vertx, ServerOptions options) throws Exception {
        CrisislineServer node = CrisislineServer.start(vertx, options).await(30, TimeUnit.SECONDS);
        nodes.add(node);
        return node;
    }

    /** The same configuration on both nodes, as a deployment would have it: the PBX over AMI. */
    private ServerOptions options() {
        ServerOptions node = RedisNode.options(SharedRedis.url(), prefix, pseudonymKey, "op1", "30s");
        Map<OperativeId, Skills> operatives = OPERATIVES.stream().collect(Collectors.toMap(OperativeId::of,
                id -> Skills.trained()));
        // No recovery pause: the next caller is assigned by the command that ends a call, on either node.
        return node.withRouting(node.routing().withOperatives(operatives))
                .withQueue(Map.of("tiers.crisis.recovery-after", "0s"))
                .withPbx(new ServerOptions.Pbx(false, List.of(AmiOptions.fromJson(new JsonObject().put("pbx", "sim")
                        .put("host", "127.0.0.1").put("port", pbx.amiPort()).put("username", "crisisline")
                        .put("secret", AMI_SECRET)))));
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
