package org.crisisline.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.crisisline.queue.model.CallId;
import org.crisisline.queue.model.CallerRef;
import org.crisisline.queue.model.Line;
import org.crisisline.queue.model.Tier;
import org.crisisline.server.audit.AuditEntry;
import org.crisisline.server.audit.AuditRecord;
import org.crisisline.server.audit.Outcome;
import org.crisisline.server.auth.web.Browser;
import org.crisisline.server.history.Contact;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The caller's history on a call: who may see it, what consent keeps, and that every view is audited. */
@ExtendWith(VertxExtension.class)
class CallerHistoryApiTest {
    private static final CallerRef CALLER_1 = new CallerRef(ApiServer.CALLER_1);
    private ApiServer server;
    private Browser op2;

    @BeforeEach
    void start(Vertx vertx) throws Exception {
        server = ApiServer.start(vertx);
        op2 = server.signedIn("op2");
        ApiServer.await(io.vertx.core.Future.fromCompletionStage(server.history.record(CALLER_1, Contact.of(
                CallId.of("call-0"), Instant.parse("2026-11-20T21:00:00Z"), Line.CRISIS, Tier.CRISIS,
                List.of("cafe-signpost:leeds-haven", "callback"), List.of(), true, Optional.of("prefers texts")))));
    }

    @Test
    @DisplayName("The operative on the call sees the caller's previous contacts, and the view is audited with the caller's pseudonym")
    void operativeOnTheCallSeesTheHistory() throws Exception {
        HttpResponse<Buffer> seen = op2.get("/api/calls/call-1/history");

        assertThat(seen.statusCode()).isEqualTo(200);
        JsonArray contacts = seen.bodyAsJsonObject().getJsonArray("contacts");
        assertThat(contacts).hasSize(1);
        JsonObject previous = contacts.getJsonObject(0);
        assertThat(previous.getString("at")).isEqualTo("2026-11-20T21:00:00Z");
        assertThat(previous.getInteger("tier")).isEqualTo(2);
        assertThat(previous.getJsonArray("pathways")).containsExactly("cafe-signpost:leeds-haven", "callback");
        assertThat(previous.getString("note")).isEqualTo("prefers texts");
        assertThat(views()).singleElement().satisfies(view -> {
            assertThat(view.actor()).isEqualTo("op2");
            assertThat(view.targetId()).isEqualTo("call-1");
            assertThat(view.outcome()).isEqualTo(Outcome.SUCCEEDED);
            assertThat(view.reason()).get().asString().contains(ApiServer.CALLER_1);
        });
    }

    @Test
    @DisplayName("A clinical lead may see any open call's caller history; another operative is refused (audited); an admin never")
    void scopedByRole() throws Exception {
        assertThat(server.signedIn("lead").get("/api/calls/call-2/history").statusCode()).isEqualTo(200);

        HttpResponse<Buffer> otherOperative = server.signedIn("op1").get("/api/calls/call-1/history");
        assertThat(otherOperative.statusCode()).isEqualTo(403);
        assertThat(otherOperative.bodyAsJsonObject().getString("error")).isEqualTo("not-your-call");
        assertThat(server.signedIn("admin").get("/api/calls/call-1/history").statusCode()).isEqualTo(403);
        assertThat(op2.get("/api/calls/no-such-call/history").statusCode()).isEqualTo(404);

        assertThat(views()).extracting(view -> view.actor() + " " + view.targetId() + " " + view.outcome())
                .containsExactly("lead call-2 SUCCEEDED", "op1 call-1 DENIED");
    }

    @Test
    @DisplayName("An outcome joins the caller's history: with consent its note (trimmed to 280 characters) is kept, without it only the date, tier and pathways")
    void consentDecidesWhetherTheNoteIsKept() throws Exception {
        JsonObject consented = outcome("a".repeat(400)).put("historyConsent", true);
        assertThat(op2.postJson("/api/calls/call-1/outcome", consented).statusCode()).isEqualTo(201);
        Contact kept = contacts().get(0);
        assertThat(kept.call().value()).isEqualTo("call-1");
        assertThat(kept.note()).get().asString().hasSize(Contact.MAX_NOTE);
        assertThat(kept.referredTo()).containsExactly("leeds-west");

        assertThat(op2.postJson("/api/calls/call-1/outcome", outcome("should not be kept")).statusCode())
                .isEqualTo(201);
        List<Contact> after = contacts();
        assertThat(after).hasSize(2).first().satisfies(contact -> {
            assertThat(contact.call().value()).isEqualTo("call-1");
            assertThat(contact.consented()).isFalse();
            assertThat(contact.note()).isEmpty();
            assertThat(contact.tier()).isEqualTo(Tier.CRISIS);
            assertThat(contact.pathways()).containsExactly("cmht-referral:leeds-west");
        });
        // The current call's own contact is not "previous": the operative still sees only call-0.
        assertThat(op2.get("/api/calls/call-1/history").bodyAsJsonObject().getJsonArray("contacts")).hasSize(1);
    }

    private static JsonObject outcome(String notes) {
        return new JsonObject().put("clinicalRisk", false).put("notes", notes).put("pathways", new JsonArray()
                .add(new JsonObject().put("type", "cmht-referral").put("team", "leeds-west").put("consent", true)));
    }

    private List<Contact> contacts() throws Exception {
        return ApiServer.await(io.vertx.core.Future.fromCompletionStage(server.history.contactsOf(CALLER_1)));
    }

    private List<AuditEntry> views() throws Exception {
        return server.auditRecords().stream().map(AuditRecord::entry)
                .filter(entry -> entry.action().equals("call.history.view")).toList();
    }
}
