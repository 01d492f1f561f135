package org.crisisline.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.crisisline.queue.core.QueueSnapshot;
import org.crisisline.queue.model.Call;
import org.crisisline.queue.model.OperativeId;
import org.crisisline.queue.model.Skills;
import org.crisisline.server.auth.web.Browser;
import org.crisisline.server.routing.RoutingOptions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Café signposting end to end: callers come through the simulated PBX and the real IVR, op1 answers, signs in
 * to the API and records the outcome; the café's details are texted through the HTTP gateway to a real local
 * HTTP server standing in for the SMS provider. Simulated time runs 60 times faster than real time.
 */
@DisplayName("café signposting through the simulated PBX")
class CafeSignpostEndToEndTest {
    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final String CALLER_NUMBER = "07700900777";

    private final Vertx vertx = Vertx.vertx();
    private final List<JsonObject> textsReceived = new CopyOnWriteArrayList<>();
    private CrisislineServer server;
    private Browser op1;
    private Browser lead;

    @BeforeEach
    void start() throws Exception {
        int provider = vertx.createHttpServer()
                .requestHandler(request -> request.body().onSuccess(body -> {
                    textsReceived.add(body.toJsonObject().put("authorization", request.getHeader("Authorization")));
                    request.response().setStatusCode(202).end(new JsonObject().put("id", "sms-1").encode());
                }))
                .listen(0).await(5, TimeUnit.SECONDS).actualPort();
        ServerOptions demo = ServerOptions.demo(60);
        RoutingOptions routing = demo.routing().withOperatives(Map.of(OperativeId.of("op1"), Skills.trained()))
                .withReadyAgainAfter(Optional.empty());
        ServerOptions options = demo.withRouting(routing)
                .withQueue(Map.of("dispatch.tier-one-reserve", "0"))
                .withSimulatedPbx(new JsonObject()
                        .put("lines", new JsonArray().add(new JsonObject().put("name", "crisis")
                                .put("did", "08001234567").put("calls-per-hour", 0)))
                        .put("caller-patience", "10h").put("talk-time", "30m").put("operative-ring", "1s")
                        .put("operative-no-answer-probability", 0.0).put("withheld-number-probability", 0.0))
                .withPathway(Map.of("pathway.text.gateway", "http",
                        "pathway.text.url", "http://127.0.0.1:" + provider + "/sms",
                        "pathway.text.token", "sms-token", "pathway.text.timeout", "2s"));
        server = CrisislineServer.start(vertx, options).await(15, TimeUnit.SECONDS);
        op1 = signedIn("op1");
        lead = signedIn("lead");
    }

    @AfterEach
    void stop() throws Exception {
        if (server != null) {
            server.stop().await(10, TimeUnit.SECONDS);
        }
        vertx.close().await(10, TimeUnit.SECONDS);
    }

    @Test
    @DisplayName("a tier-2 caller is signposted to a café: the details are texted, the café's count goes up by one, and the caller's next call shows this contact")
    void tierTwoCallerIsSignpostedAndTexted() throws Exception {
        server.pbx().placeCall("crisis", "no-danger-keep-waiting", CALLER_NUMBER).await(5, TimeUnit.SECONDS);
        JsonObject call = until(this::currentCall);
        assertThat(call.getInteger("tier")).isEqualTo(2);
        int before = signpostsToLeedsHaven();

        HttpResponse<Buffer> recorded = op1.postJson("/api/calls/" + call.getString("id") + "/outcome",
                outcome(new JsonArray().add(cafe("07700 900777"))).put("historyConsent", true)
                        .put("notes", "going to the café tonight"));

        assertThat(recorded.statusCode()).as(recorded.bodyAsString()).isEqualTo(201);
        assertThat(recorded.bodyAsJsonObject().getJsonArray("texts").getJsonObject(0).getBoolean("sent")).isTrue();
        assertThat(textsReceived).singleElement().satisfies(text -> {
            assertThat(text.getString("to")).isEqualTo("+447700900777");
            assertThat(text.getString("message")).startsWith("Leeds Haven (demo), 1 Example Street, Leeds.");
            assertThat(text.getString("authorization")).isEqualTo("Bearer sms-token");
        });
        assertThat(signpostsToLeedsHaven()).isEqualTo(before + 1);

        server.pbx().placeCall("crisis", "no-danger-keep-waiting", CALLER_NUMBER).await(5, TimeUnit.SECONDS);
        Call again = until(() -> snapshot().waiting().stream().findFirst());
        HttpResponse<Buffer> history = lead.get("/api/calls/" + again.id().value() + "/history");
        assertThat(history.statusCode()).isEqualTo(200);
        assertThat(history.bodyAsJsonObject().getJsonArray("contacts")).singleElement().satisfies(contact -> {
            JsonObject previous = (JsonObject) contact;
            assertThat(previous.getInteger("tier")).isEqualTo(2);
            assertThat(previous.getJsonArray("pathways")).containsExactly("cafe-signpost:leeds-haven");
            assertThat(previous.getString("note")).isEqualTo("going to the café tonight");
        });
    }

    @Test
    @DisplayName("a tier-1 caller (pressed 1 for danger): a café alone is refused (422 pathway-refused), nothing texted or counted; with an escalation it is accepted")
    void tierOneCallerIsNotLeftWithOnlyACafe() throws Exception {
        server.pbx().placeCall("crisis", "danger-now", CALLER_NUMBER).await(5, TimeUnit.SECONDS);
        JsonObject call = until(this::currentCall);
        assertThat(call.getInteger("tier")).isEqualTo(1);
        String outcomePath = "/api/calls/" + call.getString("id") + "/outcome";
        int before = signpostsToLeedsHaven();

        HttpResponse<Buffer> refused = op1.postJson(outcomePath, outcome(new JsonArray().add(cafe(CALLER_NUMBER))));

        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.bodyAsJsonObject().getString("error")).isEqualTo("pathway-refused");
        assertThat(refused.bodyAsJsonObject().getString("message")).contains("tier-1");
        assertThat(textsReceived).isEmpty();
        assertThat(signpostsToLeedsHaven()).isEqualTo(before);

        HttpResponse<Buffer> accepted = op1.postJson(outcomePath, outcome(new JsonArray().add(cafe(CALLER_NUMBER))
                .add(new JsonObject().put("type", "emergency-escalation").put("service", "crisis outreach within 4 h"))));

        assertThat(accepted.statusCode()).as(accepted.bodyAsString()).isEqualTo(201);
        assertThat(textsReceived).hasSize(1);
        assertThat(signpostsToLeedsHaven()).isEqualTo(before + 1);
    }

    private Browser signedIn(String username) throws Exception {
        Browser browser = new Browser(vertx, server.httpPort());
        assertThat(browser.login(username, server.demoPasswords().get(username)).statusCode()).isEqualTo(200);
        return browser;
    }

    private Optional<JsonObject> currentCall() {
        try {
            HttpResponse<Buffer> call = op1.get("/api/operative/call");
            return call.statusCode() == 200 ? Optional.of(call.bodyAsJsonObject()) : Optional.empty();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private int signpostsToLeedsHaven() throws Exception {
        return lead.get("/api/lead/queue").bodyAsJsonObject().getJsonObject("cafeSignpostsToday")
                .getInteger("leeds-haven", 0);
    }

    private QueueSnapshot snapshot() {
        try {
            return Future.fromCompletionStage(server.store().snapshot(100)).await(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static JsonObject cafe(String textTo) {
        return new JsonObject().put("type", "cafe-signpost").put("cafe", "leeds-haven").put("textTo", textTo);
    }

    private static JsonObject outcome(JsonArray pathways) {
        return new JsonObject().put("clinicalRisk", false).put("pathways", pathways);
    }

    private static <T> T until(Supplier<Optional<T>> found) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            Optional<T> value = found.get();
            if (value.isPresent()) {
                return value.get();
            }
            Thread.sleep(20);
        }
        throw new AssertionError("not so within " + WAIT);
    }
}
