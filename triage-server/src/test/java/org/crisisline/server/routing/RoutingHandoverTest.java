package org.crisisline.server.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.ReplyException;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import org.crisisline.queue.model.CallId;
import org.crisisline.queue.model.CallerRef;
import org.crisisline.queue.model.OperativeId;
import org.crisisline.queue.model.Skills;
import org.crisisline.queue.model.Tier;
import org.crisisline.server.CrisislineServer;
import org.crisisline.server.ServerOptions;
import org.crisisline.server.routing.HandoverRequest.TransferTarget;
import org.crisisline.server.testing.QuietPbx;
import org.crisisline.server.testing.Waiting;
import org.crisisline.telephony.bus.LocalMessageCodec;
import org.crisisline.telephony.event.CallArrived;
import org.crisisline.telephony.event.OperativeAnswered;
import org.crisisline.telephony.event.RedirectDone;
import org.crisisline.telephony.event.TelephonyEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The routing verticle's handover port ({@link Handovers#ADDRESS}) against the simulated PBX, reached over
 * the real AMI link: what it replies, and what the PBX itself holds afterwards (the channel's variables).
 */
@DisplayName("the routing verticle's handovers, on the simulated PBX")
class RoutingHandoverTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final OperativeId OP1 = OperativeId.of("op1");
    private static final String CONFIGURED = "+441130000300";
    private static final HandoverContext CONTEXT = new HandoverContext(Tier.IMMEDIATE_RISK, "plan and means tonight",
            Optional.of("agreed to talk to the crisis team"), new CallerRef("c_test-pseudonym"));

    private final Vertx vertx = Vertx.vertx();
    private final List<TelephonyEvent> events = new CopyOnWriteArrayList<>();
    private CrisislineServer server;
    /** The simulated PBX was stopped by the test: the server's own stop then fails to undeploy it. */
    private boolean pbxStopped;

    @BeforeEach
    void start() {
        LocalMessageCodec.install(vertx);
        vertx.eventBus().<TelephonyEvent>consumer(TelephonyEvent.ADDRESS, m -> events.add(m.body()));
        ServerOptions demo = ServerOptions.demo(60);
        RoutingOptions routing = demo.routing().withOperatives(Map.of(OP1, Skills.trained()))
                .withAnnounceEvery(Duration.ZERO).withReadyAgainAfter(Optional.empty())
                .withTransferNumbers(Map.of("Out-of-hours crisis team", CONFIGURED));
        server = await(CrisislineServer.start(vertx, demo.withRouting(routing)
                .withSimulatedPbx(QuietPbx.settings("10h", 0.0))));
    }

    @AfterEach
    void stop() {
        if (server != null && !pbxStopped) {
            await(server.stop());
        }
        await(vertx.close());
    }

    @Test
    @DisplayName("an escalation sets the handover context on the caller's channel, then redirects it to the emergency route")
    void escalationRedirectsTheCaller() {
        String channel = answeredCaller();
        CallId call = callOf(channel);

        HandoverDone done = request(new HandoverRequest.Escalate(call, EmergencyService.AMBULANCE, CONTEXT));

        assertThat(done.context()).isEqualTo("crisisline-emergency");
        awaitRedirect(channel, "crisisline-emergency");
        assertThat(variables(channel, done.variables().keySet())).isEqualTo(done.variables()).containsAllEntriesOf(Map.of(
                "CRISISLINE_TIER", "1",
                "CRISISLINE_CALLER", "c_test-pseudonym",
                "CRISISLINE_TRANSFER_REASON", "plan and means tonight",
                "CRISISLINE_TRANSFER_CONTEXT", "agreed to talk to the crisis team",
                "CRISISLINE_EMERGENCY_SERVICE", "ambulance"));
    }

    @Test
    @DisplayName("a transfer to a configured number sets CRISISLINE_TRANSFER_TO and redirects to the transfer context")
    void transferToConfiguredNumber() {
        String channel = answeredCaller();

        HandoverDone done = request(new HandoverRequest.Transfer(callOf(channel), new TransferTarget.Configured(CONFIGURED),
                CONTEXT));

        assertThat(done.variables()).containsEntry("CRISISLINE_TRANSFER_TO", CONFIGURED);
        awaitRedirect(channel, "crisisline-transfer");
        assertThat(variables(channel, done.variables().keySet())).isEqualTo(done.variables())
                .containsEntry("CRISISLINE_TRANSFER_TO", CONFIGURED).containsEntry("CRISISLINE_TIER", "1");
    }

    @Test
    @DisplayName("refusals send nothing to the PBX: a number not configured (422), a call whose channel is unknown (404)")
    void refusalsTouchNothing() {
        String channel = answeredCaller();

        assertThat(failureCode(new HandoverRequest.Transfer(callOf(channel),
                new TransferTarget.Configured("+447700900999"), CONTEXT))).isEqualTo(Handovers.NUMBER_NOT_CONFIGURED);
        assertThat(failureCode(new HandoverRequest.Escalate(CallId.of("no-such-call"), EmergencyService.ANY, CONTEXT)))
                .isEqualTo(Handovers.CHANNEL_UNKNOWN);

        assertThat(variables(channel, List.of("CRISISLINE_TIER", "CRISISLINE_TRANSFER_TO"))).isEmpty();
        assertThat(events).noneMatch(e -> e instanceof RedirectDone r && r.channel().equals(channel)
                && r.context().startsWith("crisisline-transfer"));
    }

    @Test
    @DisplayName("with the PBX gone, the handover fails with the link's code, not a success")
    void pbxDownIsAFailure() {
        String channel = answeredCaller();
        CallId call = callOf(channel);
        await(server.pbx().stop());
        pbxStopped = true;

        int code = failureCode(new HandoverRequest.Escalate(call, EmergencyService.ANY, CONTEXT));

        assertThat(code).isIn(Handovers.PBX_LINK_DOWN, Handovers.PBX_TIMEOUT);
    }

    /** A caller put through to op1; their channel. */
    private String answeredCaller() {
        String channel = await(server.pbx().placeCall("crisis", "danger-now"));
        awaitEvent(OperativeAnswered.class, channel);
        return channel;
    }

    /** The variables among {@code names} the simulated PBX holds on {@code channel}. */
    private Map<String, String> variables(String channel, Collection<String> names) {
        Map<String, String> held = new HashMap<>();
        for (String name : names) {
            await(server.pbx().channelVariable(channel, name)).ifPresent(value -> held.put(name, value));
        }
        return held;
    }

    private CallId callOf(String channel) {
        return events.stream().filter(e -> e instanceof CallArrived a && a.channel().equals(channel))
                .map(e -> CallId.of(((CallArrived) e).uniqueid())).findFirst().orElseThrow();
    }

    private HandoverDone request(HandoverRequest request) {
        return await(vertx.eventBus().<HandoverDone>request(Handovers.ADDRESS, request)).body();
    }

    private int failureCode(HandoverRequest request) {
        Throwable failure = catchThrowable(() -> request(request));
        assertThat(failure).hasRootCauseInstanceOf(ReplyException.class);
        Throwable cause = failure;
        while (!(cause instanceof ReplyException)) {
            cause = cause.getCause();
        }
        return ((ReplyException) cause).failureCode();
    }

    private void awaitRedirect(String channel, String context) {
        until(() -> events.stream().anyMatch(e -> e instanceof RedirectDone r && r.channel().equals(channel)
                && r.context().equals(context)));
    }

    private void awaitEvent(Class<OperativeAnswered> type, String callerChannel) {
        until(() -> events.stream().anyMatch(e -> type.isInstance(e)
                && type.cast(e).callerChannel().equals(callerChannel)));
    }

    private static void until(BooleanSupplier condition) {
        Waiting.until(condition, WAIT);
    }

    private static <T> T await(Future<T> future) {
        return Waiting.await(future, WAIT);
    }
}
