package org.crisisline.telephony.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.ServerSocket;
import java.util.concurrent.TimeUnit;
import org.crisisline.telephony.wire.AmiMessage;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The simulated PBX runs on its own with arrivals and scaled time")
class SimulatedPbxSmokeTest {
    @Test
    void withoutAnIvrEveryCallerFallsBackToAsterisksOwnQueueAndIsAnswered() throws Exception {
        int deadPort;
        try (ServerSocket probe = new ServerSocket(0)) {
            deadPort = probe.getLocalPort();
        }
        Vertx vertx = Vertx.vertx();
        try {
            SimulatedPbx pbx = SimulatedPbx.start(vertx, SimulatedPbxOptions.fromJson(new JsonObject()
                    .put("ami-port", 0).put("ami-username", "demo").put("ami-secret", "demo-secret")
                    .put("agi-port", deadPort)
                    .put("lines", new JsonArray().add(new JsonObject().put("name", "crisis").put("did", "08001234567")
                            .put("calls-per-hour", 1800)))
                    .put("fallback-agents", 50)
                    .put("talk-time", "10m")
                    .put("time-scale", 30.0))).await(5, TimeUnit.SECONDS);
            try (AmiTestClient client = new AmiTestClient(pbx.amiPort())) {
                client.send(AmiMessage.action("Login").add("Username", "demo").add("Secret", "demo-secret").build());
                boolean connected = false;
                long deadline = System.currentTimeMillis() + 8000;
                while (!connected && System.currentTimeMillis() < deadline) {
                    AmiMessage message = client.next();
                    connected = message != null && message.eventName().orElse("").equals("AgentConnect");
                }
                assertThat(connected).as("a fallback agent answered a caller").isTrue();
            }
            assertThat(pbx.liveChannels().await(5, TimeUnit.SECONDS)).isPositive();
            pbx.stop().await(5, TimeUnit.SECONDS);
        } finally {
            vertx.close().await(5, TimeUnit.SECONDS);
        }
    }
}
