package org.crisisline.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.crisisline.queue.command.QueueCommand;
import org.crisisline.queue.model.CallId;
import org.crisisline.server.audit.AuditRecord;
import org.crisisline.server.auth.web.Browser;
import org.crisisline.telephony.event.LinkState;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
class LeadApiTest {
    private ApiServer server;
    private Browser lead;

    @BeforeEach
    void start(Vertx vertx) throws Exception {
        server = ApiServer.start(vertx);
        lead = server.signedIn("lead");
    }

    @Test
    @DisplayName("The board shows waiting per tier, operatives with state and load, and alarms; the view is audited")
    void board() throws Exception {
        server.pbx(LinkState.DOWN, "connection refused");
        HttpResponse<Buffer> response = lead.get("/api/lead/queue");
        assertThat(response.statusCode()).isEqualTo(200);
        JsonObject board = response.bodyAsJsonObject();
        JsonObject tierThree = board.getJsonArray("tiers").getJsonObject(2);
        assertThat(tierThree.getInteger("tier")).isEqualTo(3);
        assertThat(tierThree.getInteger("waiting")).isEqualTo(1);
        assertThat(tierThree.getInteger("targetSeconds")).isEqualTo(300);
        assertThat(board.getJsonArray("waiting").getJsonObject(0).getString("caller")).isEqualTo(ApiServer.CALLER_2);
        JsonArray operatives = board.getJsonArray("operatives");
        assertThat(operatives.stream().map(o -> ((JsonObject) o).getString("id") + ":" + ((JsonObject) o).getString("state")))
                .contains("op1:AVAILABLE", "op2:ON_CALL");
        assertThat(operatives.getJsonObject(0).getString("loadBand")).isEqualTo("low");
        assertThat(board.getJsonArray("alarms").stream().map(a -> ((JsonObject) a).getString("kind")))
                .contains("pbx-down");
        assertThat(server.auditRecords()).extracting(r -> r.entry().action()).contains("queue.view");
    }

    @Test
    @DisplayName("A lead gives a waiting call to an operative with a reason: applied, and audited with who and why")
    void takeCall() throws Exception {
        HttpResponse<Buffer> taken = lead.postJson("/api/lead/take-call", new JsonObject()
                .put("call", "call-2").put("operative", "op1").put("reason", "op1 knows this caller"));
        assertThat(taken.statusCode()).isEqualTo(200);
        JsonObject board = lead.get("/api/lead/queue").bodyAsJsonObject();
        assertThat(board.getJsonArray("waiting")).isEmpty();
        assertThat(server.auditRecords()).extracting(AuditRecord::entry).anySatisfy(e -> {
            assertThat(e.action()).isEqualTo("override.take-call");
            assertThat(e.actor()).isEqualTo("lead");
            assertThat(e.reason()).contains("op1 knows this caller");
        });
        HttpResponse<Buffer> noReason = lead.postJson("/api/lead/take-call",
                new JsonObject().put("call", "call-2").put("operative", "op1"));
        assertThat(noReason.statusCode()).isEqualTo(400);
        assertThat(noReason.bodyAsJsonObject().getString("error")).isEqualTo("missing-field");
    }

    @Test
    @DisplayName("A lead sends an operative on a break (after their call); an unknown operative is a 404 and is audited as denied")
    void sendOnBreak() throws Exception {
        HttpResponse<Buffer> sent = lead.postJson("/api/lead/break",
                new JsonObject().put("operative", "op2").put("reason", "third tier-1 call in a row"));
        assertThat(sent.statusCode()).isEqualTo(200);
        JsonObject op2 = lead.get("/api/lead/queue").bodyAsJsonObject().getJsonArray("operatives").stream()
                .map(JsonObject.class::cast).filter(o -> o.getString("id").equals("op2")).findFirst().orElseThrow();
        assertThat(op2.getString("afterCall")).isEqualTo("BREAK");

        HttpResponse<Buffer> unknown = lead.postJson("/api/lead/break",
                new JsonObject().put("operative", "nobody").put("reason", "x"));
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(server.auditRecords()).extracting(r -> r.entry().action() + " " + r.entry().targetId() + " "
                + r.entry().outcome()).contains("override.break op2 SUCCEEDED", "override.break nobody DENIED");
    }

    @Test
    @DisplayName("The referral watch is served to leads and the view is audited")
    void referrals() throws Exception {
        HttpResponse<Buffer> response = lead.get("/api/lead/referrals");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.bodyAsJsonObject().fieldNames())
                .containsExactlyInAnyOrder("deliveryFlagged", "awaitingAcknowledgement", "dueForChasing", "overdue");
        assertThat(server.auditRecords()).extracting(r -> r.entry().action()).contains("referrals.view");
    }

    @Test
    @DisplayName("The stream pushes the board as a Server-Sent Event, and again when the queue changes")
    void stream(Vertx vertx) throws Exception {
        HttpClient client = vertx.createHttpClient();
        String cookies = lead.cookies.entrySet().stream().map(c -> c.getKey() + "=" + c.getValue())
                .collect(Collectors.joining("; "));
        CompletableFuture<String> firstEvent = new CompletableFuture<>();
        CompletableFuture<String> secondEvent = new CompletableFuture<>();
        StringBuilder received = new StringBuilder();
        HttpClientResponse response = ApiServer.await(client.request(new RequestOptions().setMethod(HttpMethod.GET)
                        .setPort(server.port).setHost("localhost").setURI("/api/lead/stream").putHeader("Cookie", cookies))
                .compose(request -> request.send())
                .onSuccess(streaming -> streaming.handler(chunk -> {
                    received.append(chunk.toString());
                    int events = received.toString().split("event: queue", -1).length - 1;
                    if (events >= 1) {
                        firstEvent.complete(received.toString());
                    }
                    if (events >= 2) {
                        secondEvent.complete(received.toString());
                    }
                })));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.getHeader("Content-Type")).startsWith("text/event-stream");
        String first = firstEvent.get(10, TimeUnit.SECONDS);
        String data = first.substring(first.indexOf("data: ") + 6, first.indexOf("\n\n", first.indexOf("data: ")));
        assertThat(new JsonObject(data).getJsonArray("tiers")).hasSize(4);

        server.clock.advance(java.time.Duration.ofSeconds(5));
        assertThat(secondEvent.get(10, TimeUnit.SECONDS)).contains(ApiServer.CALLER_2);
        response.request().connection().close();
    }

    @Test
    @DisplayName("A lead cancels a booked callback with a reason: it leaves the board, its kept number is forgotten, the override is audited; a live call is refused and a repeat changes nothing")
    void cancelCallback() throws Exception {
        server.execute(new QueueCommand.AcceptVirtualHold(CallId.of("call-2")));
        server.execute(new QueueCommand.EndCall(CallId.of("call-2")));
        ApiServer.await(Future.fromCompletionStage(server.callbackNumbers.keep(CallId.of("call-2"), "07700900123")));
        assertThat(lead.get("/api/lead/queue").bodyAsJsonObject().getJsonArray("bookedCallbacks"))
                .extracting(c -> ((JsonObject) c).getString("id") + " " + ((JsonObject) c).getString("kind"))
                .containsExactly("call-2 VIRTUAL_HOLD");

        HttpResponse<Buffer> cancelled = lead.postJson("/api/lead/cancel-callback",
                new JsonObject().put("call", "call-2").put("reason", "caller rang back: safe with family"));

        assertThat(cancelled.statusCode()).isEqualTo(200);
        assertThat(cancelled.bodyAsJsonObject().getBoolean("cancelled")).isTrue();
        assertThat(lead.get("/api/lead/queue").bodyAsJsonObject().getJsonArray("bookedCallbacks")).isEmpty();
        assertThat(ApiServer.await(Future.fromCompletionStage(server.callbackNumbers.find(CallId.of("call-2")))))
                .isEmpty();
        assertThat(server.auditRecords()).extracting(AuditRecord::entry).anySatisfy(e -> {
            assertThat(e.action()).isEqualTo("override.cancel-callback");
            assertThat(e.targetId()).isEqualTo("call-2");
            assertThat(e.reason()).contains("caller rang back: safe with family");
        });
        HttpResponse<Buffer> live = lead.postJson("/api/lead/cancel-callback",
                new JsonObject().put("call", "call-1").put("reason", "wrong call"));
        assertThat(live.statusCode()).isEqualTo(422);
        assertThat(lead.postJson("/api/lead/cancel-callback",
                new JsonObject().put("call", "call-2").put("reason", "again")).statusCode()).isEqualTo(200);
    }
}
