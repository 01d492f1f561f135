package org.crisisline.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.junit5.VertxExtension;
import org.crisisline.server.auth.web.Browser;
import org.crisisline.server.pathway.referral.Referral;
import org.crisisline.server.pathway.referral.ReferralBook;
import org.crisisline.server.pathway.referral.ReferralId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Referrals through the API: an outcome makes them (strictly validated, idempotent, nothing half-saved), the
 * team reports on them over the partner route with its bearer token (and hostile requests are refused), and a
 * clinical lead watches them and records the fallback plan for a rejection.
 */
@ExtendWith(VertxExtension.class)
@DisplayName("Referrals through the API")
class ReferralApiTest {
    private ApiServer server;
    private Browser op2;
    private Browser lead;
    private WebClient partner;

    @BeforeEach
    void start(Vertx vertx) throws Exception {
        server = ApiServer.start(vertx);
        op2 = server.signedIn("op2");
        lead = server.signedIn("lead");
        partner = WebClient.create(vertx);
    }

    @AfterEach
    void stop() {
        partner.close();
    }

    private static JsonObject referral() {
        return new JsonObject().put("type", "cmht-referral").put("team", "leeds-west").put("consent", true)
                .put("urgency", "urgent").put("riskSummary", "Low mood for weeks, thoughts of self-harm, no plan");
    }

    private static JsonObject outcome(JsonObject... pathways) {
        JsonArray list = new JsonArray();
        for (JsonObject pathway : pathways) {
            list.add(pathway);
        }
        return new JsonObject().put("pathways", list).put("clinicalRisk", true);
    }

    private ReferralBook book() throws Exception {
        return ApiServer.await(server.referralDesk.book());
    }

    private String referred() throws Exception {
        HttpResponse<Buffer> made = op2.postJson("/api/calls/call-1/outcome", outcome(referral()));
        assertThat(made.statusCode()).as(made.bodyAsString()).isEqualTo(201);
        return made.bodyAsJsonObject().getJsonArray("referrals").getString(0);
    }

    private HttpResponse<Buffer> report(String id, String token, JsonObject body) throws Exception {
        HttpRequest<Buffer> request = partner.request(HttpMethod.POST, server.port, "localhost",
                "/partner/referrals/" + id + "/status");
        if (token != null) {
            request.putHeader("Authorization", "Bearer " + token);
        }
        return ApiServer.await(request.sendJsonObject(body));
    }

    private HttpResponse<Buffer> reportRaw(String id, String contentType, String body) throws Exception {
        return ApiServer.await(partner.request(HttpMethod.POST, server.port, "localhost", "/partner/referrals/" + id + "/status")
                .putHeader("Authorization", "Bearer " + ApiServer.LEEDS_WEST_TOKEN)
                .putHeader("Content-Type", contentType)
                .sendBuffer(Buffer.buffer(body)));
    }

    private static JsonObject status(String status) {
        return new JsonObject().put("status", status);
    }

    private static JsonObject rejected(String reasonCode, String explanation) {
        return status("rejected").put("reasonCode", reasonCode).put("explanation", explanation);
    }

    @Test
    @DisplayName("an outcome with a CMHT referral queues one referral; the same outcome again makes nothing twice, a changed one is 409")
    void outcomeMakesOneReferral() throws Exception {
        String id = referred();

        ReferralBook book = book();
        Referral referral = book.referral(ReferralId.of(id)).orElseThrow();
        assertThat(referral.status().name()).isEqualTo("QUEUED");
        assertThat(referral.request().caller().pseudonym()).isEqualTo(ApiServer.CALLER_1);
        assertThat(referral.request().risk().clinicalRisk()).isTrue();
        assertThat(referral.urgency().name()).isEqualTo("URGENT");
        assertThat(book.outbox().size()).isEqualTo(1);

        assertThat(referred()).isEqualTo(id);
        HttpResponse<Buffer> changed = op2.postJson("/api/calls/call-1/outcome", outcome(referral().put("urgency", "routine")));
        assertThat(changed.statusCode()).as(changed.bodyAsString()).isEqualTo(409);
        assertThat(changed.bodyAsJsonObject().getString("error")).isEqualTo("referral-conflict");
        assertThat(book().referrals()).hasSize(1);
        assertThat(book().outbox().size()).isEqualTo(1);
        assertThat(server.auditRecords()).extracting(r -> r.entry().action()).containsOnlyOnce("referral.queued");
        assertThat(server.auditRecords()).allSatisfy(r -> assertThat(r.entry().reason().orElse(""))
                .doesNotContain("self-harm"));
    }

    @Test
    @DisplayName("urgency and risk summary are required and checked strictly; no consent is refused; nothing is saved")
    void strictReferralFields() throws Exception {
        assertRefused(outcome(referral().put("urgency", "soonish")), 400, "bad-urgency");
        assertRefused(outcome(referral().put("urgency", 3)), 400, "wrong-type");
        JsonObject noUrgency = referral();
        noUrgency.remove("urgency");
        assertRefused(outcome(noUrgency), 400, "missing-field");
        assertRefused(outcome(referral().put("riskSummary", "  ")), 400, "missing-field");
        assertRefused(outcome(referral().put("riskSummary", "x".repeat(1_501))), 400, "too-long");
        assertRefused(outcome(referral().put("riskScore", 9)), 400, "unknown-field");
        assertRefused(outcome(referral().put("consent", false)), 422, "pathway-refused");
        assertRefused(outcome(referral().put("team", "nowhere")), 422, "unknown-team");

        assertThat(book().referrals()).isEmpty();
        assertThat(book().outbox().size()).isZero();
    }

    private void assertRefused(JsonObject body, int status, String error) throws Exception {
        HttpResponse<Buffer> answer = op2.postJson("/api/calls/call-1/outcome", body);
        assertThat(answer.statusCode()).as(answer.bodyAsString()).isEqualTo(status);
        assertThat(answer.bodyAsJsonObject().getString("error")).isEqualTo(error);
    }

    @Test
    @DisplayName("if the referral store fails, the outcome fails and the café signpost it counted is undone")
    void storeFailureSavesNothing() throws Exception {
        JsonObject cafe = new JsonObject().put("type", "cafe-signpost").put("cafe", "leeds-haven");
        int placesBefore = placesLeft();
        server.referralStore.down(true);

        HttpResponse<Buffer> failed = op2.postJson("/api/calls/call-1/outcome", outcome(cafe, referral()));

        assertThat(failed.statusCode()).isEqualTo(500);
        assertThat(placesLeft()).isEqualTo(placesBefore);
        server.referralStore.down(false);
        assertThat(book().referrals()).isEmpty();
        assertThat(server.auditRecords()).extracting(r -> r.entry().action() + " " + r.entry().outcome())
                .doesNotContain("call.outcome SUCCEEDED");
    }

    private int placesLeft() throws Exception {
        return op2.get("/api/cafes?district=LS6").bodyAsJsonObject().getJsonArray("cafes").getJsonObject(0)
                .getInteger("placesLeft");
    }

    @Test
    @DisplayName("the team acknowledges with its bearer token, without a session or CSRF token; the lead sees it acknowledged")
    void partnerAcknowledges() throws Exception {
        String id = referred();

        HttpResponse<Buffer> acknowledged = report(id, ApiServer.LEEDS_WEST_TOKEN, status("acknowledged"));

        assertThat(acknowledged.statusCode()).as(acknowledged.bodyAsString()).isEqualTo(200);
        assertThat(acknowledged.bodyAsJsonObject().getString("status")).isEqualTo("ACKNOWLEDGED");
        assertThat(report(id, ApiServer.LEEDS_WEST_TOKEN, status("acknowledged")).statusCode()).isEqualTo(200);
        JsonObject watch = lead.get("/api/referrals").bodyAsJsonObject();
        assertThat(watch.getJsonArray("awaitingAcknowledgement")).isEmpty();
        assertThat(watch.getJsonArray("referrals").getJsonObject(0).getString("status")).isEqualTo("ACKNOWLEDGED");
        assertThat(server.auditRecords()).extracting(r -> r.entry().action() + " " + r.entry().actor())
                .containsOnlyOnce("referral.acknowledged partner:leeds-west-fhir");
        assertThat(book().dueForDelivery(server.clock.instant().plusSeconds(86_400))).as("delivery proved").isEmpty();
    }

    @Test
    @DisplayName("no token, an unknown token or a session is 401; another team's token is 403; an unknown referral 404")
    void partnerAuthentication() throws Exception {
        String id = referred();

        assertError(report(id, null, status("acknowledged")), 401, "bad-token");
        assertError(report(id, "leeds-west-token-012345678", status("acknowledged")), 401, "bad-token");
        assertError(report(id, "", status("acknowledged")), 401, "bad-token");
        assertError(lead.postJson("/partner/referrals/" + id + "/status", status("acknowledged")), 401, "bad-token");
        assertError(report(id, ApiServer.OTHER_TEAM_TOKEN, status("acknowledged")), 403, "not-your-referral");
        assertError(report("ref-000000000000000000000000", ApiServer.LEEDS_WEST_TOKEN, status("acknowledged")), 404,
                "unknown-referral");
        assertThat(book().referral(ReferralId.of(id)).orElseThrow().status().name()).isEqualTo("QUEUED");
    }

    @Test
    @DisplayName("hostile or malformed partner bodies are 400/413/415 and change nothing")
    void hostilePartnerBodies() throws Exception {
        String id = referred();

        assertError(report(id, ApiServer.LEEDS_WEST_TOKEN, status("delighted")), 400, "bad-status");
        assertError(report(id, ApiServer.LEEDS_WEST_TOKEN, status("acknowledged").put("reasonCode", "other")), 400,
                "unexpected-field");
        assertError(report(id, ApiServer.LEEDS_WEST_TOKEN, status("rejected").put("explanation", "no")), 400,
                "missing-field");
        assertError(report(id, ApiServer.LEEDS_WEST_TOKEN, rejected("not-a-code", "Bradford")), 400, "bad-reason-code");
        assertError(report(id, ApiServer.LEEDS_WEST_TOKEN, rejected("out-of-area", "Bradford")
                .put("citedFactors", new JsonArray().add("weather"))), 400, "bad-cited-factor");
        assertError(report(id, ApiServer.LEEDS_WEST_TOKEN, status("acknowledged").put("__proto__", 1)), 400,
                "unknown-field");
        assertError(report(id, ApiServer.LEEDS_WEST_TOKEN, new JsonObject().put("status", new JsonArray())), 400,
                "wrong-type");
        assertThat(reportRaw(id, "application/json", "{\"status\":").statusCode()).isEqualTo(400);
        assertThat(reportRaw(id, "application/json", "[\"acknowledged\"]").statusCode()).isEqualTo(400);
        assertThat(reportRaw(id, "text/plain", "acknowledged").statusCode()).isEqualTo(415);
        assertThat(reportRaw(id, "application/json", "{\"status\":\"" + "a".repeat(20_000) + "\"}").statusCode())
                .isEqualTo(413);
        assertError(report("..%2F..%2Fetc", ApiServer.LEEDS_WEST_TOKEN, status("acknowledged")), 400, "bad-parameter");
        assertThat(book().referral(ReferralId.of(id)).orElseThrow().status().name()).isEqualTo("QUEUED");
    }

    @Test
    @DisplayName("a rejection on clinical grounds is refused (422); a proper one waits for the lead's fallback plan and owner")
    void rejectionAndFallback() throws Exception {
        String id = referred();
        Browser op1 = server.signedIn("op1");

        assertError(report(id, ApiServer.LEEDS_WEST_TOKEN, rejected("needs-different-service", "Too risky for us")),
                422, "referral-refused");
        assertError(lead.postJson("/api/referrals/" + id + "/fallback", fallback()), 409, "referral-conflict");
        assertThat(report(id, ApiServer.LEEDS_WEST_TOKEN, rejected("out-of-area", "Caller lives in Bradford"))
                .statusCode()).isEqualTo(200);
        assertError(report(id, ApiServer.LEEDS_WEST_TOKEN, status("accepted")), 409, "referral-conflict");

        JsonObject watch = lead.get("/api/referrals").bodyAsJsonObject();
        assertThat(watch.getJsonArray("awaitingFallback")).hasSize(1);
        assertThat(watch.getJsonArray("awaitingFallback").getJsonObject(0).getString("reasonCode")).isEqualTo("out-of-area");
        assertError(op1.postJson("/api/referrals/" + id + "/fallback", fallback()), 403, "forbidden");
        assertError(lead.postJson("/api/referrals/" + id + "/fallback", new JsonObject().put("plan", "Re-refer")), 400,
                "missing-field");
        assertError(lead.postJson("/api/referrals/ref-000000000000000000000000/fallback", fallback()), 404,
                "unknown-referral");

        HttpResponse<Buffer> recorded = lead.postJson("/api/referrals/" + id + "/fallback", fallback());
        assertThat(recorded.statusCode()).as(recorded.bodyAsString()).isEqualTo(200);
        assertThat(recorded.bodyAsJsonObject().getString("fallbackOwner")).isEqualTo("Leeds West duty worker");
        assertThat(lead.get("/api/referrals").bodyAsJsonObject().getJsonArray("awaitingFallback")).isEmpty();
        assertThat(lead.postJson("/api/referrals/" + id + "/fallback", fallback()).statusCode()).isEqualTo(200);
        assertError(lead.postJson("/api/referrals/" + id + "/fallback", fallback().put("plan", "Another plan")), 409,
                "referral-conflict");
        assertThat(server.auditRecords()).extracting(r -> r.entry().action() + " " + r.entry().actor())
                .contains("referral.rejected-by-team partner:leeds-west-fhir", "referral.fallback-recorded lead");
    }

    private static JsonObject fallback() {
        return new JsonObject().put("plan", "Re-refer to Bradford CMHT; check-in call tomorrow")
                .put("owner", "Leeds West duty worker");
    }

    private static void assertError(HttpResponse<Buffer> answer, int status, String error) {
        assertThat(answer.statusCode()).as(answer.bodyAsString()).isEqualTo(status);
        assertThat(answer.bodyAsJsonObject().getString("error")).isEqualTo(error);
    }
}
