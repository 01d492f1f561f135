package org.crisisline.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import org.crisisline.server.audit.AuditRecord;
import org.crisisline.server.auth.web.Browser;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
class OperativeApiTest {
    private ApiServer server;
    private Browser op1;
    private Browser op2;

    @BeforeEach
    void start(Vertx vertx) throws Exception {
        server = ApiServer.start(vertx);
        op1 = server.signedIn("op1");
        op2 = server.signedIn("op2");
    }

    @Test
    @DisplayName("An operative sees their state, goes on a break with a reason, and is ready again; each decision is audited")
    void stateBreakAndReady() throws Exception {
        assertThat(json(op1.get("/api/operative/state")).getString("state")).isEqualTo("AVAILABLE");

        HttpResponse<Buffer> paused = op1.postJson("/api/operative/pause",
                new JsonObject().put("block", "BREAK").put("reason", "after a hard call"));
        assertThat(paused.statusCode()).isEqualTo(200);
        assertThat(json(paused).getString("state")).isEqualTo("BREAK");

        HttpResponse<Buffer> ready = op1.post("/api/operative/ready");
        assertThat(ready.statusCode()).isEqualTo(200);
        assertThat(json(ready).getString("state")).isEqualTo("AVAILABLE");
        assertThat(server.auditRecords()).extracting(r -> r.entry().action() + " " + r.entry().targetId())
                .contains("operative.pause op1", "operative.ready op1");
    }

    @Test
    @DisplayName("An operative not logged on to the queue is logged on with the configured skills, and the waiting caller goes to them")
    void readyLogsOn() throws Exception {
        Browser op3 = server.signedIn("op3");
        assertThat(json(op3.get("/api/operative/state")).getString("state")).isEqualTo("OFFLINE");
        HttpResponse<Buffer> ready = op3.post("/api/operative/ready");
        assertThat(ready.statusCode()).isEqualTo(200);
        assertThat(json(ready).getString("state")).isEqualTo("RESERVED");
        assertThat(json(ready).getString("currentCall")).isEqualTo("call-2");
    }

    @Test
    @DisplayName("The current call shows tier, wait, line, source and the caller's pseudonym, and the view is audited")
    void currentCall() throws Exception {
        server.clock.advance(java.time.Duration.ofSeconds(42));
        HttpResponse<Buffer> call = op2.get("/api/operative/call");
        assertThat(call.statusCode()).isEqualTo(200);
        JsonObject body = json(call);
        assertThat(body.getString("id")).isEqualTo("call-1");
        assertThat(body.getString("caller")).isEqualTo(ApiServer.CALLER_1);
        assertThat(body.getInteger("tier")).isEqualTo(2);
        assertThat(body.getLong("waitedSeconds")).isEqualTo(42);
        assertThat(body.getString("line")).isEqualTo("CRISIS");
        assertThat(body.getString("source")).isEqualTo("NHS_111");
        assertThat(server.auditRecords()).extracting(AuditRecord::entry)
                .anySatisfy(e -> assertThat(e.action() + " " + e.actor() + " " + e.targetId())
                        .isEqualTo("caller-record.view op2 call-1"));

        HttpResponse<Buffer> none = op1.get("/api/operative/call");
        assertThat(none.statusCode()).isEqualTo(404);
        assertThat(json(none).getString("error")).isEqualTo("no-current-call");
    }

    @Test
    @DisplayName("The operative on a call re-tiers it with a reason; another operative may not; bad input is a 400 naming the field")
    void retier() throws Exception {
        HttpResponse<Buffer> done = op2.postJson("/api/calls/call-1/retier",
                new JsonObject().put("tier", 1).put("reason", "disclosed a plan"));
        assertThat(done.statusCode()).isEqualTo(200);
        assertThat(server.auditRecords()).extracting(AuditRecord::entry)
                .anySatisfy(e -> {
                    assertThat(e.action()).isEqualTo("call.retier");
                    assertThat(e.reason()).contains("disclosed a plan");
                });

        HttpResponse<Buffer> notTheirs = op1.postJson("/api/calls/call-1/retier",
                new JsonObject().put("tier", 3).put("reason", "x"));
        assertThat(notTheirs.statusCode()).isEqualTo(403);
        assertThat(json(notTheirs).getString("error")).isEqualTo("not-your-call");

        HttpResponse<Buffer> noReason = op2.postJson("/api/calls/call-1/retier", new JsonObject().put("tier", 2));
        assertThat(noReason.statusCode()).isEqualTo(400);
        assertThat(json(noReason).getString("message")).contains("reason");
        assertThat(op2.postJson("/api/calls/call-1/retier", new JsonObject().put("tier", 7).put("reason", "x"))
                .statusCode()).isEqualTo(400);
        assertThat(op2.postJson("/api/calls/no-such/retier", new JsonObject().put("tier", 2).put("reason", "x"))
                .statusCode()).isEqualTo(404);
        assertThat(op2.postJson("/api/calls/bad%20id/retier", new JsonObject().put("tier", 2).put("reason", "x"))
                .statusCode()).isEqualTo(400);
    }

    @Test
    @DisplayName("A café alone is refused for a caller with clinical risk (422 with the rule's reason) and nothing is counted")
    void cafeAloneRefused() throws Exception {
        JsonObject cafeOnly = outcome(true, new JsonArray().add(cafe()));
        HttpResponse<Buffer> refused = op2.postJson("/api/calls/call-1/outcome", cafeOnly);
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(json(refused).getString("error")).isEqualTo("pathway-refused");
        assertThat(json(refused).getString("message")).contains("café").contains("clinical risk");
        assertThat(placesLeft()).isEqualTo(8);
        assertThat(server.auditRecords()).extracting(r -> r.entry().action() + " " + r.entry().outcome())
                .contains("call.outcome DENIED");
    }

    @Test
    @DisplayName("A café with a CMHT referral is accepted (201), counted against the café and audited without the notes")
    void outcomeAccepted() throws Exception {
        JsonObject plan = outcome(true, new JsonArray().add(cafe())
                .add(referral("leeds-west")))
                .put("notes", "private words");
        HttpResponse<Buffer> accepted = op2.postJson("/api/calls/call-1/outcome", plan);
        assertThat(accepted.statusCode()).isEqualTo(201);
        assertThat(placesLeft()).isEqualTo(7);
        Browser lead = server.signedIn("lead");
        assertThat(lead.get("/api/lead/queue").bodyAsJsonObject().getJsonObject("cafeSignpostsToday")
                .getInteger("leeds-haven")).isEqualTo(1);
        assertThat(server.auditRecords()).extracting(AuditRecord::entry)
                .anySatisfy(e -> {
                    assertThat(e.action()).isEqualTo("call.outcome");
                    assertThat(e.reason()).get().asString().contains("cafe-signpost:leeds-haven").doesNotContain("private");
                });
        assertThat(op2.postJson("/api/calls/call-1/outcome", outcome(false, new JsonArray()
                .add(referral("nowhere"))))
                .statusCode()).isEqualTo(422);
        assertThat(op2.postJson("/api/calls/call-1/outcome", outcome(false, new JsonArray()
                .add(new JsonObject().put("type", "teleport")))).statusCode()).isEqualTo(400);
    }

    @Test
    @DisplayName("Cafés and CMHTs are looked up from the admins' directories; bad parameters are 400s, no team is a 404")
    void lookups() throws Exception {
        HttpResponse<Buffer> cafes = op1.get("/api/cafes?district=ls6%202ab&language=pl&access=step-free");
        assertThat(cafes.statusCode()).isEqualTo(200);
        assertThat(json(cafes).getJsonArray("cafes")).hasSize(1);
        assertThat(json(op1.get("/api/cafes?district=LS6&access=BSL")).getJsonArray("cafes")).isEmpty();
        assertThat(op1.get("/api/cafes?district=nowhere").statusCode()).isEqualTo(400);
        assertThat(op1.get("/api/cafes").statusCode()).isEqualTo(400);
        assertThat(op1.get("/api/cafes?district=LS6&access=wings").statusCode()).isEqualTo(400);

        HttpResponse<Buffer> team = op1.get("/api/cmht?postcode=LS6%202AB");
        assertThat(team.statusCode()).isEqualTo(200);
        assertThat(json(team).getString("team")).isEqualTo("leeds-west");
        assertThat(json(team).getJsonObject("warmTransfer").getBoolean("available")).isFalse();
        assertThat(op1.get("/api/cmht?postcode=M1").statusCode()).isEqualTo(404);
        assertThat(op1.get("/api/cmht?postcode=zzz").statusCode()).isEqualTo(400);
    }

    @Test
    @DisplayName("Hostile bodies are refused with JSON 4xx before anything changes")
    void hostileBodies() throws Exception {
        String path = "/api/operative/pause";
        assertThat(op1.send(io.vertx.core.http.HttpMethod.POST, path, "text/plain", "BREAK").statusCode()).isEqualTo(415);
        assertThat(op1.send(io.vertx.core.http.HttpMethod.POST, path, "application/json", "[1]").statusCode())
                .isEqualTo(400);
        assertThat(op1.send(io.vertx.core.http.HttpMethod.POST, path, "application/json", "{\"block\":").statusCode())
                .isEqualTo(400);
        HttpResponse<Buffer> extra = op1.postJson(path, new JsonObject().put("block", "BREAK").put("reason", "r")
                .put("until", "forever"));
        assertThat(extra.statusCode()).isEqualTo(400);
        assertThat(json(extra).getString("error")).isEqualTo("unknown-field");
        assertThat(op1.postJson(path, new JsonObject().put("block", "OFFLINE").put("reason", "r")).statusCode())
                .isEqualTo(400);
        assertThat(op1.postJson(path, new JsonObject().put("block", "BREAK").put("reason", "r".repeat(501)))
                .statusCode()).isEqualTo(400);
        assertThat(op1.postJson(path, new JsonObject().put("block", "BREAK").put("reason", "x".repeat(20_000)))
                .statusCode()).isEqualTo(413);
        assertThat(json(op1.get("/api/operative/state")).getString("state")).isEqualTo("AVAILABLE");
    }

    @Test
    @DisplayName("An unknown /api path is a JSON 404")
    void unknownPath() throws Exception {
        HttpResponse<Buffer> missing = op1.get("/api/nothing/here");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(json(missing).getString("error")).isEqualTo("not-found");
    }

    private int placesLeft() throws Exception {
        return json(op1.get("/api/cafes?district=LS6")).getJsonArray("cafes").getJsonObject(0).getInteger("placesLeft");
    }

    private static JsonObject cafe() {
        return new JsonObject().put("type", "cafe-signpost").put("cafe", "leeds-haven");
    }

    private static JsonObject referral(String team) {
        return new JsonObject().put("type", "cmht-referral").put("team", team).put("consent", true)
                .put("urgency", "urgent").put("riskSummary", "Low mood, no plan");
    }

    private static JsonObject outcome(boolean clinicalRisk, JsonArray pathways) {
        return new JsonObject().put("pathways", pathways).put("clinicalRisk", clinicalRisk);
    }

    private static JsonObject json(HttpResponse<Buffer> response) {
        return response.bodyAsJsonObject();
    }
}
