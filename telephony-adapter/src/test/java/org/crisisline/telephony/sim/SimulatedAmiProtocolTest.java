package org.crisisline.telephony.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.crisisline.telephony.captures.Capture;
import org.crisisline.telephony.wire.AmiMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Replays the client side of the login captures against the simulated AMI server. */
@DisplayName("The simulated AMI server answers the captured login sessions as Asterisk did")
class SimulatedAmiProtocolTest {
    /** Headers whose values are the capture run's own (ids, times, addresses, text that names the host). */
    private static final Set<String> VOLATILE = Set.of("Challenge", "Timestamp", "Uptime", "LastReload", "EventTV",
            "SessionTV", "SessionID", "LocalAddress", "RemoteAddress", "Output", "CoreStartupDate",
            "CoreStartupTime", "CoreReloadDate", "CoreReloadTime", "CoreCurrentCalls", "CoreProcessedCalls");
    private static final String SECRET = "triage-local-secret";
    private Vertx vertx;
    private SimulatedPbx pbx;

    @BeforeEach
    void start() throws Exception {
        vertx = Vertx.vertx();
        pbx = SimulatedPbx.start(vertx, SimulatedPbxOptions.fromJson(new JsonObject()
                .put("ami-port", 0).put("ami-username", "triage").put("ami-secret", SECRET)
                .put("lines", new JsonArray()).put("login-failure-delay", "200ms")))
                .await(5, TimeUnit.SECONDS);
    }

    @AfterEach
    void stop() throws Exception {
        pbx.stop().await(5, TimeUnit.SECONDS);
        vertx.close().await(5, TimeUnit.SECONDS);
    }

    @Test
    void theAsteriskJavaStyleLoginSessionReplays() throws Exception {
        assertReplays("ami-login.txt");
    }

    @Test
    void aPingBeforeLoginIsDeniedAndABadSecretClosesTheConnection() throws Exception {
        assertReplays("ami-login-failed.txt");
    }

    @Test
    void coreShowChannelsIsAListResponseEvenWhenEmpty() throws Exception {
        try (AmiTestClient client = new AmiTestClient(pbx.amiPort())) {
            client.send(AmiMessage.action("Login").add("Username", "triage").add("Secret", SECRET).build());
            assertThat(client.next().get("Message")).hasValue("Authentication accepted");
            client.next();
            client.next();
            client.send(AmiMessage.action("CoreShowChannels").add("ActionID", "list-1").build());
            AmiMessage start = client.next();
            assertThat(start.get("EventList")).hasValue("start");
            AmiMessage complete = client.next();
            assertThat(complete.eventName()).hasValue("CoreShowChannelsComplete");
            assertThat(complete.get("ActionID")).hasValue("list-1");
            assertThat(complete.get("ListItems")).hasValue("0");
        }
    }

    @Test
    void everyLoggedInClientGetsTheEventStream() throws Exception {
        try (AmiTestClient one = loggedIn(); AmiTestClient two = loggedIn()) {
            one.send(AmiMessage.action("Setvar").add("Variable", "CRISISLINE_HEARTBEAT").add("Value", "1795316523")
                    .add("ActionID", "beat-1").build());
            assertThat(one.next().get("Message")).hasValue("Variable Set");
            for (AmiTestClient client : List.of(one, two)) {
                AmiMessage event = client.next();
                assertThat(event.eventName()).hasValue("VarSet");
                assertThat(event.get("Value")).hasValue("1795316523");
            }
        }
    }

    @Test
    void aClientThatTurnsEventsOffGetsOnlyResponses() throws Exception {
        try (AmiTestClient quiet = loggedIn(); AmiTestClient loud = loggedIn()) {
            quiet.send(AmiMessage.action("Events").add("EventMask", "off").add("ActionID", "e-1").build());
            assertThat(quiet.next().get("Events")).hasValue("Off");
            loud.send(AmiMessage.action("Setvar").add("Variable", "G").add("Value", "1").build());
            assertThat(loud.next().get("Message")).hasValue("Variable Set");
            assertThat(loud.next().eventName()).hasValue("VarSet");
            quiet.send(AmiMessage.action("Getvar").add("Variable", "G").add("ActionID", "g-1").build());
            AmiMessage value = quiet.next();
            assertThat(value.isResponse()).as("no VarSet event before the Getvar response").isTrue();
            assertThat(value.get("Value")).hasValue("1");
        }
    }

    private AmiTestClient loggedIn() throws Exception {
        AmiTestClient client = new AmiTestClient(pbx.amiPort());
        client.send(AmiMessage.action("Login").add("Username", "triage").add("Secret", SECRET).build());
        assertThat(client.next().get("Message")).hasValue("Authentication accepted");
        assertThat(client.next().eventName()).hasValue("FullyBooted");
        assertThat(client.next().eventName()).hasValue("SuccessfulAuth");
        return client;
    }

    private void assertReplays(String file) throws Exception {
        List<Capture.AmiStep> steps = Capture.load(file).amiSteps();
        List<AmiMessage> expected = steps.stream().filter(s -> s.direction() == Capture.Direction.FROM_ASTERISK
                && !s.isBanner()).map(Capture.AmiStep::message).toList();
        List<AmiMessage> got = new ArrayList<>();
        try (AmiTestClient client = new AmiTestClient(pbx.amiPort())) {
            String challenge = null;
            for (Capture.AmiStep step : steps) {
                if (step.direction() != Capture.Direction.FROM_CLIENT) {
                    continue;
                }
                AmiMessage action = step.message();
                if (action.get("Key").isPresent()) {
                    action = withKey(action, AmiSession.md5Hex(challenge + SECRET));
                }
                client.send(action);
                AmiMessage reply = readUntilResponse(client, got);
                challenge = reply == null ? challenge : reply.get("Challenge").orElse(challenge);
            }
            while (got.size() < expected.size()) {
                AmiMessage more = client.next();
                if (more == null) {
                    break;
                }
                got.add(more);
            }
            assertThat(client.banner()).isEqualTo("Asterisk Call Manager/11.0.0");
        }
        assertThat(got).hasSameSizeAs(expected);
        for (int i = 0; i < expected.size(); i++) {
            assertThat(comparable(got.get(i))).as("message %d", i).isEqualTo(comparable(expected.get(i)));
        }
    }

    /** Reads until the response to the last action; null if the server closed the connection. */
    private static AmiMessage readUntilResponse(AmiTestClient client, List<AmiMessage> got) throws Exception {
        while (true) {
            AmiMessage message = client.next();
            if (message == null) {
                return null;
            }
            got.add(message);
            if (message.isResponse()) {
                return message;
            }
        }
    }

    private static AmiMessage withKey(AmiMessage login, String key) {
        AmiMessage.Builder b = AmiMessage.builder();
        login.headers().forEach(h -> b.add(h.name(), h.name().equals("Key") ? key : h.value()));
        return b.build();
    }

    /** Header names in order, with values only where they are not the capture run's own. */
    private static List<String> comparable(AmiMessage message) {
        return message.headers().stream()
                .map(h -> VOLATILE.contains(h.name()) ? h.name() : h.name() + ": " + h.value())
                .toList();
    }
}
