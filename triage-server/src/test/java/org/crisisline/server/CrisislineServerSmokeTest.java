package org.crisisline.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.util.concurrent.TimeUnit;
import org.crisisline.server.routing.CallFlowLog;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@DisplayName("the embedded default")
class CrisislineServerSmokeTest {

    @Test
    @Timeout(value = 40, unit = TimeUnit.SECONDS)
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
            assertServesPagesAndDemoSignIn(vertx, server);
        } finally {
            server.stop().await(5, TimeUnit.SECONDS);
            vertx.close().await(5, TimeUnit.SECONDS);
        }
    }

    /** A newcomer opens the printed address and signs in with a printed demo account. */
    private static void assertServesPagesAndDemoSignIn(Vertx vertx, CrisislineServer server) throws Exception {
        WebClient web = WebClient.create(vertx);
        try {
            HttpResponse<Buffer> page = web.get(server.httpPort(), "localhost", "/").send().await(5, TimeUnit.SECONDS);
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.bodyAsString()).contains("<form");
            assertThat(server.demoPasswords()).containsKeys("op1", "lead", "admin");
            HttpResponse<Buffer> login = web.post(server.httpPort(), "localhost", "/api/login")
                    .sendJsonObject(new JsonObject().put("username", "lead")
                            .put("password", server.demoPasswords().get("lead")))
                    .await(10, TimeUnit.SECONDS);
            assertThat(login.statusCode()).isEqualTo(200);
            HttpResponse<Buffer> health = web.get(server.httpPort(), "localhost", "/ready").send()
                    .await(5, TimeUnit.SECONDS);
            assertThat(health.statusCode()).isEqualTo(200);
        } finally {
            web.close();
        }
    }
}
