package org.crisisline.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.concurrent.TimeUnit;
import org.crisisline.server.routing.CallFlowLog;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@DisplayName("the embedded default")
class CrisislineServerSmokeTest {

    @Test
    @Timeout(value = 20, unit = TimeUnit.SECONDS)
    @DisplayName("starts, connects and completes a call through the simulated PBX, and stops cleanly")
    void startsCallsFlowAndStops() throws Exception {
        Vertx vertx = Vertx.vertx();
        ServerOptions options = ServerOptions.demo(10).withSimulatedPbx(new JsonObject()
                .put("lines", new JsonArray().add(new JsonObject().put("name", "crisis").put("did", "08001234567")
                        .put("calls-per-hour", 0)))
                .put("talk-time", "5s").put("operative-ring", "2s").put("operative-no-answer-probability", 0.0));
        CrisislineServer server = CrisislineServer.start(vertx, options).await(10, TimeUnit.SECONDS);
        try {
            server.pbx().placeCall("crisis", "no-danger-keep-waiting").await(5, TimeUnit.SECONDS);

            CallFlowLog flow = server.routing().callFlow();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (flow.completed() < 1 && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(flow.answered()).isEqualTo(1);
            assertThat(flow.completed()).isEqualTo(1);
            assertThat(flow.abandoned()).isZero();
        } finally {
            server.stop().await(5, TimeUnit.SECONDS);
            vertx.close().await(5, TimeUnit.SECONDS);
        }
    }
}
