package org.crisisline.telephony.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.asteriskjava.manager.AuthenticationFailedException;
import org.asteriskjava.manager.ManagerConnection;
import org.asteriskjava.manager.ManagerConnectionFactory;
import org.asteriskjava.manager.ResponseEvents;
import org.asteriskjava.manager.action.CoreShowChannelsAction;
import org.asteriskjava.manager.action.GetVarAction;
import org.asteriskjava.manager.action.HangupAction;
import org.asteriskjava.manager.action.OriginateAction;
import org.asteriskjava.manager.action.RedirectAction;
import org.asteriskjava.manager.action.SetVarAction;
import org.asteriskjava.manager.event.BridgeEnterEvent;
import org.asteriskjava.manager.event.CoreShowChannelEvent;
import org.asteriskjava.manager.event.DialEndEvent;
import org.asteriskjava.manager.event.HangupEvent;
import org.asteriskjava.manager.event.ManagerEvent;
import org.asteriskjava.manager.event.MusicOnHoldStartEvent;
import org.asteriskjava.manager.event.NewCallerIdEvent;
import org.asteriskjava.manager.event.NewChannelEvent;
import org.asteriskjava.manager.event.OriginateResponseEvent;
import org.asteriskjava.manager.response.GetVarResponse;
import org.asteriskjava.manager.response.ManagerResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** asterisk-java's own ManagerConnection against the simulated PBX (blocking calls: test thread only). */
@DisplayName("asterisk-java talks to the simulated PBX as to an Asterisk")
class SimulatedAmiWithAsteriskJavaTest {
    private static final long TIMEOUT = 5000;
    private Vertx vertx;
    private FakeFastAgiServer agi;
    private SimulatedPbx pbx;
    private ManagerConnection manager;
    private final List<ManagerEvent> events = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws Exception {
        vertx = Vertx.vertx();
        agi = new FakeFastAgiServer(List.of("ANSWER", "GET DATA hello 5000 1", "SET VARIABLE TRIAGE_ROUTE hold"));
        pbx = SimulatedPbx.start(vertx, SimulatedPbxOptions.fromJson(new JsonObject()
                .put("ami-port", 0)
                .put("ami-username", "triage")
                .put("ami-secret", "triage-local-secret")
                .put("agi-port", agi.port())
                .put("lines", new JsonArray().add(new JsonObject().put("name", "crisis").put("did", "08001234567")))
                .put("operative-endpoints", new JsonArray(List.of("op1", "op2")))
                .put("operative-ring", "2s")
                .put("operative-no-answer-probability", 0.0)
                .put("callee-ring", "2s")
                .put("callee-answer-probability", 1.0)
                .put("callee-busy-probability", 0.0)
                .put("caller-patience", "1h")
                .put("talk-time", "1h")
                .put("fallback-agents", 0)
                .put("withheld-number-probability", 0.0)
                .put("time-scale", 20.0))).await(5, TimeUnit.SECONDS);
        manager = new ManagerConnectionFactory("127.0.0.1", pbx.amiPort(), "triage", "triage-local-secret")
                .createManagerConnection();
        manager.addEventListener(events::add);
        manager.login();
    }

    @AfterEach
    void stop() throws Exception {
        manager.logoff();
        agi.close();
        pbx.stop().await(5, TimeUnit.SECONDS);
        vertx.close().await(5, TimeUnit.SECONDS);
    }

    @Test
    void aCallIsHeldRedirectedToAnOperativeListedAndHungUp() throws Exception {
        assertThat(ok(manager.sendAction(new SetVarAction("CRISISLINE_HEARTBEAT",
                Long.toString(System.currentTimeMillis() / 1000)), TIMEOUT))).isTrue();
        String inbound = pbx.placeCall("crisis", "no-danger-keep-waiting").await(5, TimeUnit.SECONDS);

        MusicOnHoldStartEvent holding = await(MusicOnHoldStartEvent.class, e -> inbound.equals(e.getChannel()));
        NewChannelEvent first = await(NewChannelEvent.class, e -> e.getChannel().endsWith(";1"));
        assertThat(first.getChannel()).matches("Local/08001234567@crisisline-inbound-[0-9a-f]{8};1");
        assertThat(first.getLinkedid()).isEqualTo(first.getUniqueId());
        assertThat(holding.getChannel()).isEqualTo(inbound);
        NewCallerIdEvent callerId = await(NewCallerIdEvent.class, e -> inbound.equals(e.getChannel()));
        assertThat(callerId.getCallerIdNum()).startsWith("07700900");

        ResponseEvents listed = manager.sendEventGeneratingAction(new CoreShowChannelsAction(), TIMEOUT);
        assertThat(listed.getEvents()).filteredOn(CoreShowChannelEvent.class::isInstance).hasSize(2)
                .anySatisfy(e -> assertThat(((CoreShowChannelEvent) e).getChannel()).isEqualTo(inbound));

        ManagerResponse redirected = manager.sendAction(new RedirectAction(inbound, "crisisline-connect", "op1", 1),
                TIMEOUT);
        assertThat(redirected.getMessage()).isEqualTo("Redirect successful");
        DialEndEvent answered = await(DialEndEvent.class, e -> inbound.equals(e.getChannel()));
        assertThat(answered.getDialStatus()).isEqualTo("ANSWER");
        await(BridgeEnterEvent.class, e -> inbound.equals(e.getChannel()));

        ManagerResponse hungUp = manager.sendAction(new HangupAction(inbound, 16), TIMEOUT);
        assertThat(hungUp.getMessage()).isEqualTo("Channel Hungup");
        HangupEvent hangup = await(HangupEvent.class, e -> inbound.equals(e.getChannel()));
        assertThat(hangup.getCause()).isEqualTo(16);
        assertThat(hangup.getCauseTxt()).isEqualTo("Normal Clearing");
        assertThat(await(HangupEvent.class, e -> e.getChannel().startsWith("PJSIP/op1-")).getLinkedId())
                .isEqualTo(first.getUniqueId());
        assertThat(manager.sendAction(new RedirectAction(inbound, "crisisline-connect", "op1", 1), TIMEOUT)
                .getResponse()).isEqualTo("Error");
    }

    @Test
    void originateRingsTheOperativeFirstAndReportsSuccessOrBusy() throws Exception {
        OriginateAction callback = new OriginateAction();
        callback.setChannel("PJSIP/op2");
        callback.setContext("crisisline-callback");
        callback.setExten("07700900456");
        callback.setPriority(1);
        callback.setAsync(true);
        callback.setVariables(Map.of("CRISISLINE_CALLBACK_ID", "cb-7"));
        ManagerResponse queued = manager.sendAction(callback, TIMEOUT);
        assertThat(queued.getMessage()).isEqualTo("Originate successfully queued");
        OriginateResponseEvent success = await(OriginateResponseEvent.class, e -> "Success".equals(e.getResponse()));
        assertThat(success.getReason()).isEqualTo(4);
        assertThat(success.getChannel()).startsWith("PJSIP/op2-");
        assertThat(success.getActionId()).isEqualTo(queued.getActionId());
        await(DialEndEvent.class, e -> success.getChannel().equals(e.getChannel()) && "ANSWER".equals(e.getDialStatus()));

        OriginateAction busy = new OriginateAction();
        busy.setChannel("Local/busy@operatives/n");
        busy.setContext("crisisline-callback");
        busy.setExten("07700900456");
        busy.setPriority(1);
        busy.setAsync(true);
        manager.sendAction(busy, TIMEOUT);
        OriginateResponseEvent failed = await(OriginateResponseEvent.class, e -> "Failure".equals(e.getResponse()));
        assertThat(failed.getReason()).isEqualTo(5);
        assertThat(failed.getUniqueId()).as("asterisk-java reads <unknown> as null").isNull();
        assertThat(failed.getChannel()).isEqualTo("Local/busy@operatives/n");
    }

    @Test
    void globalsAreSetAndReadAndABadSecretIsRefused() throws Exception {
        manager.sendAction(new SetVarAction("CRISISLINE_HEARTBEAT", "1795316523"), TIMEOUT);
        GetVarResponse value = (GetVarResponse) manager.sendAction(new GetVarAction("CRISISLINE_HEARTBEAT"), TIMEOUT);
        assertThat(value.getValue()).isEqualTo("1795316523");

        ManagerConnection intruder = new ManagerConnectionFactory("127.0.0.1", pbx.amiPort(), "triage", "wrong")
                .createManagerConnection();
        assertThatThrownBy(intruder::login).isInstanceOf(AuthenticationFailedException.class);
    }

    private static boolean ok(ManagerResponse response) {
        return "Success".equals(response.getResponse());
    }

    private <T extends ManagerEvent> T await(Class<T> type, Predicate<T> match) throws InterruptedException {
        long deadline = System.currentTimeMillis() + TIMEOUT;
        while (System.currentTimeMillis() < deadline) {
            for (ManagerEvent event : events) {
                if (type.isInstance(event) && match.test(type.cast(event))) {
                    return type.cast(event);
                }
            }
            Thread.sleep(10);
        }
        throw new AssertionError("no " + type.getSimpleName() + " arrived; got " + events.stream()
                .map(e -> e.getClass().getSimpleName()).toList());
    }
}
