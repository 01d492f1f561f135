package org.crisisline.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import java.time.Instant;
import org.crisisline.server.audit.AuditRecord;
import org.crisisline.server.audit.Outcome;
import org.crisisline.server.auth.web.Browser;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The escalation and transfer routes' own checks, on an API without a routing verticle: every refusal
 * happens before the routing is asked; a request that passes them all finds no routing and is 503
 * {@code routing-unavailable}, never a false success. op2 is on call-1 (tier 2); the demo team's duty line
 * is open on weekdays 09:00-17:00 in England, and the clock starts on a Friday at 19:00.
 */
@ExtendWith(VertxExtension.class)
@DisplayName("escalation and warm transfer over the API")
class HandoverApiTest {
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
    @DisplayName("malformed requests are 400 with the field named")
    void malformedRequests() throws Exception {
        assertError(op2.postJson("/api/calls/call-1/escalate", new JsonObject().put("service", "coastguard")
                .put("reason", "r")), 400, "bad-parameter");
        assertThat(op2.postJson("/api/calls/call-1/escalate", new JsonObject().put("service", "police"))
                .statusCode()).isEqualTo(400);
        assertError(op2.postJson("/api/calls/call-1/transfer", new JsonObject().put("team", "leeds-west")
                .put("number", "+441130000300").put("reason", "r")), 400, "bad-parameter");
        assertError(op2.postJson("/api/calls/call-1/transfer", new JsonObject().put("reason", "r")), 400,
                "bad-parameter");
        assertThat(op2.postJson("/api/calls/call-1/transfer", new JsonObject().put("team", "leeds-west")
                .put("reason", "r").put("callerNumber", "07700900123")).statusCode()).isEqualTo(400);
        assertThat(op2.postJson("/api/calls/call-1/escalate", new JsonObject().put("service", "999")
                .put("reason", "r").put("context", "x".repeat(201))).statusCode()).isEqualTo(400);
    }

    @Test
    @DisplayName("only the operative on the call (or a lead) may move it: 403 for another operative, 404 for no such call")
    void onlyTheirCall() throws Exception {
        JsonObject escalate = new JsonObject().put("service", "ambulance").put("reason", "overdose");
        assertError(op1.postJson("/api/calls/call-1/escalate", escalate), 403, "not-your-call");
        assertError(op2.postJson("/api/calls/no-such-call/escalate", escalate), 404, "unknown-call");
        assertThat(server.anonymous().postJson("/api/calls/call-1/escalate", escalate).statusCode()).isEqualTo(401);
    }

    @Test
    @DisplayName("a closed duty line is 409 with the reason and the next opening, and the refusal is audited")
    void closedDutyLine() throws Exception {
        HttpResponse<Buffer> refused = op2.postJson("/api/calls/call-1/transfer", new JsonObject()
                .put("team", "leeds-west").put("reason", "known to the team"));

        assertError(refused, 409, "duty-line-closed");
        assertThat(refused.bodyAsJsonObject().getString("message"))
                .contains("outside office hours").contains("next opens at 2026-11-30T09:00:00Z");
        assertThat(server.auditRecords()).extracting(AuditRecord::entry).anySatisfy(entry -> {
            assertThat(entry.action() + " " + entry.actor() + " " + entry.targetId()).isEqualTo("call.transfer op2 call-1");
            assertThat(entry.reason()).hasValueSatisfying(reason -> assertThat(reason).contains("duty line of leeds-west | known to the team | duty-line-closed"));
            assertThat(entry.outcome()).isEqualTo(Outcome.DENIED);
        });
        assertError(op2.postJson("/api/calls/call-1/transfer", new JsonObject().put("team", "nowhere-team")
                .put("reason", "r")), 404, "unknown-team");
    }

    @Test
    @DisplayName("a request that passes every check but finds no routing is 503 routing-unavailable, audited as failed")
    void noRoutingIsNoSuccess() throws Exception {
        server.clock.set(Instant.parse("2026-11-30T10:00:00Z"));
        op2 = server.signedIn("op2"); // the Friday session has expired by Monday

        assertError(op2.postJson("/api/calls/call-1/transfer", new JsonObject().put("team", "leeds-west")
                .put("reason", "known to the team")), 503, "routing-unavailable");
        assertError(op2.postJson("/api/calls/call-1/escalate", new JsonObject().put("service", "fire")
                .put("reason", "fire at the address")), 503, "routing-unavailable");
        assertError(op2.get("/api/transfer-numbers"), 503, "routing-unavailable");
        assertThat(server.auditRecords()).extracting(AuditRecord::entry)
                .filteredOn(entry -> entry.action().startsWith("call.escalate"))
                .singleElement().satisfies(entry -> assertThat(entry.outcome()).isEqualTo(Outcome.FAILED));
    }

    private static void assertError(HttpResponse<Buffer> response, int status, String code) {
        assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(status);
        assertThat(response.bodyAsJsonObject().getString("error")).isEqualTo(code);
    }
}
