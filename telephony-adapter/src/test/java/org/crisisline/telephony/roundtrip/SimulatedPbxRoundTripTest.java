package org.crisisline.telephony.roundtrip;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.crisisline.telephony.OriginateRequest;
import org.crisisline.telephony.PbxGateway;
import org.crisisline.telephony.agi.CallerArrived;
import org.crisisline.telephony.agi.CallerRegistered;
import org.crisisline.telephony.agi.IvrQueue;
import org.crisisline.telephony.agi.IvrServer;
import org.crisisline.telephony.agi.IvrServerOptions;
import org.crisisline.telephony.ami.AmiLinks;
import org.crisisline.telephony.ami.AmiOptions;
import org.crisisline.telephony.bus.LocalMessageCodec;
import org.crisisline.telephony.event.CallArrived;
import org.crisisline.telephony.event.CallBridged;
import org.crisisline.telephony.event.CallEnded;
import org.crisisline.telephony.event.OperativeAnswered;
import org.crisisline.telephony.event.OperativeRinging;
import org.crisisline.telephony.event.OriginateResult;
import org.crisisline.telephony.event.OriginateSucceeded;
import org.crisisline.telephony.event.PbxLinkChanged;
import org.crisisline.telephony.event.TelephonyEvent;
import org.crisisline.telephony.sim.SimulatedPbx;
import org.crisisline.telephony.sim.SimulatedPbxOptions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The three halves of the adapter against the simulated PBX, over real sockets, as they will run in
 * the server: the simulated Asterisk runs its IVR through our FastAGI server, our AMI link follows its
 * events and moves its callers. Neither side knows the other is not Asterisk / not Crisisline.
 */
@DisplayName("the adapter drives the simulated PBX end to end")
class SimulatedPbxRoundTripTest {
    private static final Duration WAIT = Duration.ofSeconds(10);

    private final Vertx vertx = Vertx.vertx();
    private final List<TelephonyEvent> events = new CopyOnWriteArrayList<>();
    private final List<CallerArrived> registered = new CopyOnWriteArrayList<>();
    private final AtomicInteger callIds = new AtomicInteger();
    private IvrServer ivr;
    private SimulatedPbx pbx;
    private AmiLinks links;
    private PbxGateway gateway;

    @BeforeEach
    void start() {
        LocalMessageCodec.install(vertx);
        vertx.eventBus().<TelephonyEvent>consumer(TelephonyEvent.ADDRESS, m -> events.add(m.body()));
        vertx.eventBus().<CallerArrived>consumer(IvrQueue.CALLER_ARRIVED, m -> {
            registered.add(m.body());
            m.reply(CallerRegistered.noOffer("call-" + callIds.incrementAndGet(), Duration.ofMinutes(1)));
        });
        ivr = IvrServer.create(vertx, IvrServerOptions.fromJson(new JsonObject().put("port", 0)));
        int ivrPort = await(ivr.start());
        pbx = await(SimulatedPbx.start(vertx, SimulatedPbxOptions.fromJson(new JsonObject()
                .put("ami-port", 0).put("ami-username", "crisisline").put("ami-secret", "round-trip-secret")
                .put("agi-port", ivrPort)
                .put("lines", new JsonArray().add(new JsonObject().put("name", "crisis").put("did", "08001234567")
                        .put("calls-per-hour", 0)))
                .put("caller-patience", "10m")
                .put("talk-time", "1s")
                .put("operative-ring", "500ms")
                .put("operative-no-answer-probability", 0.0)
                .put("callee-ring", "500ms")
                .put("callee-answer-probability", 1.0)
                .put("callee-busy-probability", 0.0))));
        links = AmiLinks.create(vertx, List.of(AmiOptions.fromJson(new JsonObject()
                .put("pbx", "sim").put("host", "127.0.0.1").put("port", pbx.amiPort())
                .put("username", "crisisline").put("secret", "round-trip-secret"))), Clock.systemUTC());
        links.start();
        gateway = links.gateway("sim").orElseThrow();
        awaitEvent(PbxLinkChanged.class, e -> e.state() == org.crisisline.telephony.event.LinkState.UP);
    }

    @AfterEach
    void stop() {
        await(links.stop());
        await(pbx.stop());
        await(ivr.stop());
        await(vertx.close());
    }

    @Test
    @DisplayName("a caller passes the IVR, is registered, waits, is connected to an operative and hangs up")
    void callerIsTriagedQueuedConnectedAndEnds() {
        String channel = await(pbx.placeCall("crisis", "no-danger-keep-waiting"));

        CallArrived arrived = awaitEvent(CallArrived.class, e -> e.channel().equals(channel));
        assertThat(arrived.line()).isEqualTo("crisis");
        CallerArrived triaged = poll(() -> registered.stream().filter(r -> r.channel().equals(channel)).findFirst()
                .orElse(null));
        assertThat(triaged.line()).isEqualTo("crisis");
        assertThat(triaged.dangerNow()).isFalse();

        await(gateway.connectToOperative(channel, "op1"));

        OperativeRinging ringing = awaitEvent(OperativeRinging.class, e -> e.callKey().equals(arrived.callKey()));
        assertThat(ringing.endpoint()).isEqualTo("op1");
        awaitEvent(OperativeAnswered.class, e -> e.callKey().equals(arrived.callKey()));
        awaitEvent(CallBridged.class, e -> e.callKey().equals(arrived.callKey()));
        CallEnded ended = awaitEvent(CallEnded.class, e -> e.channel().equals(channel));
        assertThat(ended.leg()).isEqualTo(CallEnded.Leg.CALLER);
    }

    @Test
    @DisplayName("a caller who pressed 1 for danger is registered as in immediate danger")
    void dangerNowIsTierOne() {
        String channel = await(pbx.placeCall("crisis", "danger-now"));

        CallerArrived triaged = poll(() -> registered.stream().filter(r -> r.channel().equals(channel)).findFirst()
                .orElse(null));
        assertThat(triaged.dangerNow()).isTrue();
        assertThat(triaged.tier().name()).isEqualTo("IMMEDIATE_RISK");
    }

    @Test
    @DisplayName("an agent-first callback rings the operative, then the caller, and succeeds")
    void agentFirstCallbackSucceeds() {
        OriginateResult result = await(gateway.originate(OriginateRequest.agentFirstCallback("PJSIP/op2",
                "07700900123", "08001234567", "call-9", "callback-1")));

        assertThat(result).isInstanceOf(OriginateSucceeded.class);
    }

    @Test
    @DisplayName("hanging up a waiting caller ends their call")
    void hangupEndsAWaitingCall() {
        String channel = await(pbx.placeCall("crisis", "no-danger-keep-waiting"));
        poll(() -> registered.stream().filter(r -> r.channel().equals(channel)).findFirst().orElse(null));

        await(gateway.hangup(channel, 16));

        CallEnded ended = awaitEvent(CallEnded.class, e -> e.channel().equals(channel));
        assertThat(ended.causeCode()).isEqualTo(16);
    }

    private <T extends TelephonyEvent> T awaitEvent(Class<T> type, Predicate<T> matching) {
        return poll(() -> events.stream().filter(type::isInstance).map(type::cast).filter(matching).findFirst()
                .orElse(null));
    }

    /** Waits for something the other side does in its own time; the deadline is generous for CI. */
    private static <T> T poll(java.util.function.Supplier<T> found) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            T value = found.get();
            if (value != null) {
                return value;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", e);
            }
        }
        throw new AssertionError("nothing arrived within " + WAIT);
    }

    private static <T> T await(Future<T> future) {
        try {
            return future.await(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
