package org.crisisline.telephony.agi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.DeploymentOptions;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.crisisline.telephony.captures.Capture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("the IVR verticle")
class IvrVerticleTest {
    private final Vertx vertx = Vertx.vertx();

    @AfterEach
    void close() throws Exception {
        vertx.close().await(5, TimeUnit.SECONDS);
    }

    @Test
    @DisplayName("deployed from JSON config, it serves a call through the event-bus queue, and undeploys")
    void servesACall() throws Exception {
        ScriptedIvrQueue queue = ScriptedIvrQueue.waiting(Duration.ofSeconds(30), List.of()).listen(vertx);
        IvrVerticle verticle = new IvrVerticle();
        JsonObject config = new JsonObject().put("port", 0).put("ivr", new JsonObject().put("queue-timeout-ms", 500));

        String id = vertx.deployVerticle(verticle, new DeploymentOptions().setConfig(config))
                .await(5, TimeUnit.SECONDS);
        FakeAsterisk.Call call = new FakeAsterisk(CapturedReplies.load(Capture.AGI_FILES), verticle.port())
                .call(IvrServerTest.env(IvrServerTest.SESSION), Keypad.press("1", "2"));
        vertx.undeploy(id).await(5, TimeUnit.SECONDS);

        assertThat(call.variables()).containsEntry("TRIAGE_ROUTE", "hold");
        assertThat(queue.arrivals).hasSize(1);
    }

    @Test
    @DisplayName("a bad config fails the deployment with the key's name")
    void badConfig() {
        JsonObject config = new JsonObject().put("port", -1);

        assertThatThrownBy(() -> vertx.deployVerticle(new IvrVerticle(), new DeploymentOptions().setConfig(config))
                .await(5, TimeUnit.SECONDS)).hasMessageContaining("port:");
    }
}
