package org.crisisline.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import org.crisisline.server.audit.AuditEntry;
import org.crisisline.server.audit.AuditRecord;
import org.crisisline.server.audit.Outcome;
import org.crisisline.server.auth.web.Browser;
import org.crisisline.server.text.TextMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Texting a café's details with an outcome: sent once recorded, a bad number refused first, a failed text reported. */
@ExtendWith(VertxExtension.class)
class SignpostTextApiTest {
    private static final String NUMBER = "07700 900123";
    private ApiServer server;
    private Browser op2;

    @BeforeEach
    void start(Vertx vertx) throws Exception {
        server = ApiServer.start(vertx);
        op2 = server.signedIn("op2");
    }

    @Test
    @DisplayName("A café signpost with textTo sends the café's details to that number; the audit names the pseudonym, never the number")
    void detailsAreTexted() throws Exception {
        HttpResponse<Buffer> accepted = op2.postJson("/api/calls/call-1/outcome", outcome(NUMBER));

        assertThat(accepted.statusCode()).isEqualTo(201);
        JsonObject text = accepted.bodyAsJsonObject().getJsonArray("texts").getJsonObject(0);
        assertThat(text.getString("cafe")).isEqualTo("leeds-haven");
        assertThat(text.getBoolean("sent")).isTrue();
        assertThat(server.texts.sent()).singleElement().satisfies(message -> {
            assertThat(message.to().number().e164()).isEqualTo("+447700900123");
            assertThat(message.text()).startsWith("Leeds Haven").isEqualTo(text.getString("details"));
        });
        String pseudonym = server.pseudonyms.of("+447700900123").orElseThrow();
        assertThat(textAudits()).singleElement().satisfies(entry -> {
            assertThat(entry.outcome()).isEqualTo(Outcome.SUCCEEDED);
            assertThat(entry.reason()).get().asString().contains("cafe:leeds-haven").contains(pseudonym);
        });
        assertThat(server.auditRecords().toString()).doesNotContain("900123").doesNotContain("Leeds Haven");
        assertThat(accepted.bodyAsString()).doesNotContain("900123");
    }

    @Test
    @DisplayName("The same outcome sent twice (a retry) counts the café once and sends one text")
    void repeatedOutcomeCountsAndTextsOnce() throws Exception {
        assertThat(op2.postJson("/api/calls/call-1/outcome", outcome(NUMBER)).statusCode()).isEqualTo(201);

        HttpResponse<Buffer> again = op2.postJson("/api/calls/call-1/outcome", outcome(NUMBER));

        assertThat(again.statusCode()).as(again.bodyAsString()).isEqualTo(201);
        assertThat(again.bodyAsJsonObject().getJsonArray("texts")).isEmpty();
        assertThat(server.texts.sent()).hasSize(1);
        assertThat(server.signedIn("lead").get("/api/lead/queue").bodyAsJsonObject()
                .getJsonObject("cafeSignpostsToday").getInteger("leeds-haven")).isEqualTo(1);
    }

    @Test
    @DisplayName("A textTo that is not a phone number is 400 bad-number, and nothing is recorded, counted or sent")
    void badNumberIsRefusedFirst() throws Exception {
        HttpResponse<Buffer> refused = op2.postJson("/api/calls/call-1/outcome", outcome("call me maybe"));

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.bodyAsJsonObject().getString("error")).isEqualTo("bad-number");
        assertThat(refused.bodyAsString()).doesNotContain("call me maybe");
        assertThat(op2.postJson("/api/calls/call-1/outcome", outcome("0".repeat(41))).statusCode()).isEqualTo(400);
        JsonObject notText = outcome(null);
        notText.getJsonArray("pathways").getJsonObject(0).put("textTo", 7700900123L);
        assertThat(op2.postJson("/api/calls/call-1/outcome", notText).statusCode()).isEqualTo(400);
        assertThat(server.texts.sent()).isEmpty();
        assertThat(server.auditRecords()).noneMatch(r -> r.entry().action().startsWith("call."));
        assertThat(server.signedIn("lead").get("/api/lead/queue").bodyAsJsonObject()
                .getJsonObject("cafeSignpostsToday")).isEmpty();
    }

    @Test
    @DisplayName("A text the gateway refuses does not undo the outcome: the answer says not sent, with the details to read out, and the failure is audited")
    void failedTextIsReportedNotRolledBack() throws Exception {
        server.texts.failWith("the text gateway answered 503");

        HttpResponse<Buffer> accepted = op2.postJson("/api/calls/call-1/outcome", outcome(NUMBER));

        assertThat(accepted.statusCode()).isEqualTo(201);
        JsonObject text = accepted.bodyAsJsonObject().getJsonArray("texts").getJsonObject(0);
        assertThat(text.getBoolean("sent")).isFalse();
        assertThat(text.getString("error")).contains("503");
        assertThat(text.getString("details")).startsWith("Leeds Haven");
        assertThat(server.signedIn("lead").get("/api/lead/queue").bodyAsJsonObject()
                .getJsonObject("cafeSignpostsToday").getInteger("leeds-haven")).isEqualTo(1);
        assertThat(textAudits()).singleElement().satisfies(entry -> {
            assertThat(entry.outcome()).isEqualTo(Outcome.FAILED);
            assertThat(entry.reason()).get().asString().contains("503");
        });
    }

    @Test
    @DisplayName("Without textTo nothing is sent and the answer lists no texts")
    void noNumberNoText() throws Exception {
        HttpResponse<Buffer> accepted = op2.postJson("/api/calls/call-1/outcome", outcome(null));

        assertThat(accepted.statusCode()).isEqualTo(201);
        assertThat(accepted.bodyAsJsonObject().getJsonArray("texts")).isEmpty();
        assertThat(server.texts.sent()).extracting(TextMessage::subject).isEmpty();
    }

    /** A café with an emergency escalation (allowed for any caller), the café's details to be texted to {@code textTo}. */
    private static JsonObject outcome(String textTo) {
        JsonObject cafe = new JsonObject().put("type", "cafe-signpost").put("cafe", "leeds-haven");
        if (textTo != null) {
            cafe.put("textTo", textTo);
        }
        return new JsonObject().put("clinicalRisk", false).put("pathways", new JsonArray().add(cafe)
                .add(new JsonObject().put("type", "emergency-escalation").put("service", "crisis outreach within 4 h")));
    }

    private java.util.List<AuditEntry> textAudits() throws Exception {
        return server.auditRecords().stream().map(AuditRecord::entry)
                .filter(entry -> entry.action().equals("call.signpost-text")).toList();
    }
}
