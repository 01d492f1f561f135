package org.crisisline.server.routing;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import org.crisisline.queue.callback.CallbackSlot;
import org.crisisline.queue.core.QueueSnapshot;
import org.crisisline.queue.model.Call;
import org.crisisline.queue.model.OperativeId;
import org.crisisline.queue.model.OperativeState;
import org.crisisline.queue.model.Skills;
import org.crisisline.server.CrisislineServer;
import org.crisisline.server.ServerOptions;
import org.crisisline.server.auth.web.Browser;
import org.crisisline.server.testing.QuietPbx;
import org.crisisline.telephony.bus.LocalMessageCodec;
import org.crisisline.telephony.event.CallArrived;
import org.crisisline.telephony.event.CallBridged;
import org.crisisline.telephony.event.OperativeAnswered;
import org.crisisline.telephony.event.OperativeRinging;
import org.crisisline.telephony.event.OriginateSucceeded;
import org.crisisline.telephony.event.RedirectDone;
import org.crisisline.telephony.event.TelephonyEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * The routing loop end to end: the simulated Asterisk runs its callers through the real IVR over
 * FastAGI, the real AMI link follows its events, and the routing verticle drives the in-memory queue
 * and the PBX. One operative (op1), no random arrivals: each test places its callers by keypad script.
 * Simulated time runs 60 times faster than real time (a 2-minute recovery takes 2 s).
 */
@DisplayName("routing through the simulated PBX")
class RoutingEndToEndTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final double TIME_SCALE = 60;
    private static final OperativeId OP1 = OperativeId.of("op1");

    private final Vertx vertx = Vertx.vertx();
    /** Everything Crisisline's own code logs (the call flow, the routing, the adapter), at every level. */
    private static final List<String> CAPTURED = List.of("crisisline", "org.crisisline");

    private final List<TelephonyEvent> events = new CopyOnWriteArrayList<>();
    private final ListAppender<ILoggingEvent> logged = new ListAppender<>();
    private CrisislineServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            await(server.stop());
        }
        await(vertx.close());
    }

    @Test
    @DisplayName("a tier-1 caller is answered first: a danger-now caller who came after three tier-2 callers gets the next free operative")
    void tierOneCallerIsAnsweredFirst() {
        // The first call lasts 3 simulated minutes (3 s): time enough to queue four callers behind it.
        start(0.0, "3m", Duration.ZERO);
        String busy = await(server.pbx().placeCall("crisis", "no-danger-keep-waiting"));
        awaitEvent(OperativeAnswered.class, e -> e.callerChannel().equals(busy));
        for (int i = 0; i < 3; i++) {
            await(server.pbx().placeCall("crisis", "no-danger-keep-waiting"));
        }
        until(() -> snapshot().waiting().size() == 3);
        String danger = await(server.pbx().placeCall("crisis", "danger-now"));
        until(() -> snapshot().waiting().size() == 4);

        OperativeAnswered next = awaitEvent(OperativeAnswered.class, e -> !e.callerChannel().equals(busy));

        assertThat(next.callerChannel()).isEqualTo(danger);
        assertThat(next.endpoint()).isEqualTo("op1");
    }

    @Test
    @DisplayName("a callback booked by keypad is made agent-first: the operative is rung first, then the kept number")
    void keypadCallbackIsMadeAgentFirst() {
        start(0.0, "2m", Duration.ZERO);
        String busy = await(server.pbx().placeCall("crisis", "no-danger-keep-waiting"));
        awaitEvent(OperativeAnswered.class, e -> e.callerChannel().equals(busy));
        String taker = await(server.pbx().placeCall("crisis", "take-callback"));
        until(() -> server.routing().callFlow().completed() == 1);

        OriginateSucceeded operativeFirst = awaitEvent(OriginateSucceeded.class, e -> true);
        assertThat(operativeFirst.channel()).startsWith("PJSIP/op1");
        CallBridged callee = awaitEvent(CallBridged.class, e -> e.callKey().equals(operativeFirst.uniqueid())
                && e.channel().contains("@sim-callee"));
        assertThat(callee.at()).isAfterOrEqualTo(operativeFirst.at());
        until(() -> server.routing().callFlow().answered() == 2);
        assertThat(events).noneMatch(e -> e instanceof OperativeRinging r && taker.equals(r.callerChannel()));
        // The simulated callers' numbers are all 07700 900xxx: none may appear in what Crisisline logged.
        assertThat(logged.list).anyMatch(line -> line.getFormattedMessage().equals("calling-back"))
                .noneMatch(line -> line.getFormattedMessage().contains("07700900")
                        || String.valueOf(line.getKeyValuePairs()).contains("07700900"));
    }

    @Test
    @DisplayName("a callback the operative books in the call's outcome is made agent-first at its slot, once, to the number given")
    void outcomeCallbackIsMadeAgentFirstAtItsSlot() throws Exception {
        // 5-minute slots from 2 minutes ahead, with room for op1: the slot comes within seconds of real time.
        start(0.0, "4m", Duration.ZERO, Map.of("callbacks.slot-length", "5m", "callbacks.slot-lead-time", "2m",
                "callbacks.handle-time", "1m", "callbacks.live-reserve-share", "0"));
        Browser op1 = new Browser(vertx, server.httpPort());
        assertThat(op1.login("op1", server.demoPasswords().get("op1")).statusCode()).isEqualTo(200);
        String caller = await(server.pbx().placeCall("crisis", "no-danger-keep-waiting"));
        awaitEvent(OperativeAnswered.class, e -> e.callerChannel().equals(caller));
        String call = await(Future.fromCompletionStage(server.store().snapshot(10))).otherOpen().get(0).id().value();
        CallbackSlot slot = await(Future.fromCompletionStage(server.store().offerSlots())).get(0);

        HttpResponse<Buffer> recorded = op1.postJson("/api/calls/" + call + "/outcome", new JsonObject()
                .put("clinicalRisk", false).put("pathways", new JsonArray().add(new JsonObject()
                        .put("type", "callback").put("slotStart", slot.start().toString())
                        .put("callbackNumber", "07700 900555"))));
        assertThat(recorded.statusCode()).as(recorded.bodyAsString()).isEqualTo(201);
        until(() -> server.routing().callFlow().completed() == 1);
        assertThat(events).noneMatch(OriginateSucceeded.class::isInstance);

        OriginateSucceeded operativeFirst = awaitEvent(OriginateSucceeded.class, e -> true, Duration.ofSeconds(30));
        assertThat(server.clock().instant()).as("not before the slot, in simulated time").isAfterOrEqualTo(slot.start());
        assertThat(operativeFirst.channel()).startsWith("PJSIP/op1");
        CallBridged callee = awaitEvent(CallBridged.class, e -> e.callKey().equals(operativeFirst.uniqueid())
                && e.channel().contains("@sim-callee"));
        assertThat(callee.channel()).contains("7700900555");
        assertThat(callee.at()).isAfterOrEqualTo(operativeFirst.at());
        until(() -> server.routing().callFlow().completed() == 2);
        assertThat(events.stream().filter(OriginateSucceeded.class::isInstance)).as("called back once").hasSize(1);
        assertThat(logged.list).noneMatch(line -> line.getFormattedMessage().contains("900555")
                || String.valueOf(line.getKeyValuePairs()).contains("900555"));
    }

    @Test
    @DisplayName("an operative who does not answer puts the caller back in their place, and is not ready")
    void unansweredOfferPutsTheCallerBack() {
        start(1.0, "2m", Duration.ZERO);
        String first = await(server.pbx().placeCall("crisis", "no-danger-keep-waiting"));
        String firstCall = awaitEvent(CallArrived.class, e -> e.channel().equals(first)).uniqueid();
        awaitEvent(OperativeRinging.class, e -> e.callerChannel().equals(first));
        String second = await(server.pbx().placeCall("crisis", "no-danger-keep-waiting"));
        String secondCall = awaitEvent(CallArrived.class, e -> e.channel().equals(second)).uniqueid();

        until(() -> operativeState(snapshot()) == OperativeState.NOT_READY && snapshot().waiting().size() == 2);

        assertThat(snapshot().waiting()).extracting(call -> call.id().value()).containsExactly(firstCall, secondCall);
        assertThat(server.routing().callFlow().answered()).isZero();
    }

    @Test
    @DisplayName("a waiting caller hears their place and wait at the configured interval")
    void waitingCallerHearsTheirPlace() {
        start(0.0, "10m", Duration.ofSeconds(30));
        String busy = await(server.pbx().placeCall("crisis", "no-danger-keep-waiting"));
        awaitEvent(OperativeAnswered.class, e -> e.callerChannel().equals(busy));
        String waiting = await(server.pbx().placeCall("crisis", "no-danger-keep-waiting"));

        RedirectDone announced = awaitEvent(RedirectDone.class, e -> e.channel().equals(waiting)
                && e.context().equals("crisisline-announce"));

        assertThat(announced.exten()).isEqualTo("s");
        assertThat(events).noneMatch(e -> e instanceof RedirectDone r && r.channel().equals(busy)
                && r.context().equals("crisisline-announce"));
    }

    @BeforeEach
    void captureLogs() {
        for (String name : CAPTURED) {
            Logger logger = (Logger) LoggerFactory.getLogger(name);
            logger.setLevel(Level.DEBUG);
            logger.setAdditive(false);
            logger.addAppender(logged);
        }
        logged.start();
    }

    @AfterEach
    void releaseLogs() {
        for (String name : CAPTURED) {
            Logger logger = (Logger) LoggerFactory.getLogger(name);
            logger.detachAppender(logged);
            logger.setLevel(null);
            logger.setAdditive(true);
        }
    }

    private void start(double operativeNoAnswer, String talkTime, Duration announceEvery) {
        start(operativeNoAnswer, talkTime, announceEvery, Map.of());
    }

    private void start(double operativeNoAnswer, String talkTime, Duration announceEvery,
                       Map<String, String> queueSettings) {
        LocalMessageCodec.install(vertx);
        vertx.eventBus().<TelephonyEvent>consumer(TelephonyEvent.ADDRESS, m -> events.add(m.body()));
        ServerOptions demo = ServerOptions.demo(TIME_SCALE);
        RoutingOptions routing = demo.routing().withOperatives(Map.of(OP1, Skills.trained()))
                .withAnnounceEvery(announceEvery).withReadyAgainAfter(Optional.empty());
        ServerOptions options = demo.withRouting(routing)
                .withQueue(withTierOneReserveOff(queueSettings))
                .withSimulatedPbx(QuietPbx.settings(talkTime, operativeNoAnswer));
        server = await(CrisislineServer.start(vertx, options));
    }

    private static Map<String, String> withTierOneReserveOff(Map<String, String> queueSettings) {
        Map<String, String> settings = new HashMap<>(queueSettings);
        settings.put("dispatch.tier-one-reserve", "0");
        return settings;
    }

    private QueueSnapshot snapshot() {
        return await(Future.fromCompletionStage(server.store().snapshot(100)));
    }

    private static OperativeState operativeState(QueueSnapshot snapshot) {
        return snapshot.operatives().stream().filter(o -> o.operative().id().equals(OP1)).findFirst()
                .map(o -> o.operative().state()).orElseThrow();
    }

    private <T extends TelephonyEvent> T awaitEvent(Class<T> type, Predicate<T> matching) {
        return awaitEvent(type, matching, WAIT);
    }

    private <T extends TelephonyEvent> T awaitEvent(Class<T> type, Predicate<T> matching, Duration wait) {
        long deadline = System.nanoTime() + wait.toNanos();
        while (System.nanoTime() < deadline) {
            Optional<T> found = events.stream().filter(type::isInstance).map(type::cast).filter(matching).findFirst();
            if (found.isPresent()) {
                return found.get();
            }
            sleep();
        }
        throw new AssertionError("no " + type.getSimpleName() + " within " + wait);
    }

    private static void until(BooleanSupplier condition) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not so within " + WAIT);
            }
            sleep();
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    private static <T> T await(Future<T> future) {
        try {
            return future.await(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
