package org.crisisline.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.crisisline.queue.callback.CallbackSlot;
import org.crisisline.queue.callback.Rota;
import org.crisisline.queue.command.QueueCommand;
import org.crisisline.queue.model.Call;
import org.crisisline.queue.model.CallId;
import org.crisisline.queue.model.CallKind;
import org.crisisline.queue.model.CallState;
import org.crisisline.queue.model.CallerRef;
import org.crisisline.server.audit.AuditRecord;
import org.crisisline.server.auth.web.Browser;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The outcome's {@code callback} and {@code check-in} pathways book the calls they name: the number is kept for
 * the routing loop and the queue is told, or, when the queue refuses, nothing is kept, counted or recorded.
 * op2 is on {@code call-1} (tier 2); {@code call-2} waits.
 */
@ExtendWith(VertxExtension.class)
@DisplayName("booking a callback or check-ins from a call's outcome")
class FollowUpBookingApiTest {
    private static final String OUTCOME = "/api/calls/call-1/outcome";
    private static final String NUMBER = "07700 900456";

    private ApiServer server;
    private Browser op2;

    @BeforeEach
    void start(Vertx vertx) throws Exception {
        server = ApiServer.start(vertx);
        op2 = server.signedIn("op2");
        Instant now = server.clock.instant();
        // 8 on the rota: one callback per 15-minute slot once 70 % is kept for live calls.
        server.execute(new QueueCommand.SetRota(new Rota(List.of(new Rota.Block(now, now.plus(Duration.ofDays(1)), 8)))));
    }

    @Test
    @DisplayName("a callback is booked in the slot (201, 'booked' says what), its number kept, never audited; the same outcome again books nothing twice")
    void callbackIsBookedOnce() throws Exception {
        CallbackSlot slot = firstSlot();

        HttpResponse<Buffer> booked = op2.postJson(OUTCOME, outcome(callback(slot.start(), NUMBER)));
        HttpResponse<Buffer> again = op2.postJson(OUTCOME, outcome(callback(slot.start(), NUMBER)));

        assertThat(booked.statusCode()).as(booked.bodyAsString()).isEqualTo(201);
        assertThat(booked.bodyAsJsonObject().getJsonArray("booked")).containsExactly(new JsonObject()
                .put("type", "callback").put("id", "call-1/callback").put("slotStart", slot.start().toString()));
        assertThat(again.statusCode()).as(again.bodyAsString()).isEqualTo(201);
        assertThat(kept("call-1/callback")).contains("+447700900456");
        assertThat(openCall("call-1/callback")).hasValueSatisfying(call -> {
            assertThat(call.kind()).isEqualTo(CallKind.SLOT_CALLBACK);
            assertThat(call.state()).isEqualTo(CallState.SCHEDULED);
            assertThat(call.joinedAt()).isEqualTo(slot.start());
            assertThat(call.caller()).isEqualTo(new CallerRef(ApiServer.CALLER_1));
        });
        assertThat(server.queue.offerSlots().toCompletableFuture().get()).extracting(CallbackSlot::start)
                .as("the slot's one place is taken once").doesNotContain(slot.start());
        assertThat(server.auditRecords()).extracting(AuditRecord::entry)
                .anySatisfy(e -> assertThat(e.reason()).get().asString().contains("callback"))
                .noneSatisfy(e -> assertThat(String.valueOf(e)).contains("900456"));
    }

    @Test
    @DisplayName("a full slot is 422 slot-full with the queue's reason: no number kept, no café counted, the refusal audited")
    void fullSlotKeepsNothing() throws Exception {
        CallbackSlot slot = firstSlot();
        server.execute(new QueueCommand.BookSlot(CallId.of("call-2"), slot.start()));
        int placesBefore = placesLeft();

        HttpResponse<Buffer> refused = op2.postJson(OUTCOME, outcome(callback(slot.start(), NUMBER),
                new JsonObject().put("type", "cafe-signpost").put("cafe", "leeds-haven")));

        assertThat(refused.statusCode()).as(refused.bodyAsString()).isEqualTo(422);
        assertThat(refused.bodyAsJsonObject().getString("error")).isEqualTo("slot-full");
        assertThat(refused.bodyAsJsonObject().getString("message")).contains("no room");
        assertThat(kept("call-1/callback")).isEmpty();
        assertThat(openCall("call-1/callback")).isEmpty();
        assertThat(placesLeft()).isEqualTo(placesBefore);
        assertThat(server.await(Future.fromCompletionStage(server.history.contactsOf(new CallerRef(ApiServer.CALLER_1)))))
                .isEmpty();
        assertThat(server.auditRecords()).extracting(r -> r.entry().action() + " " + r.entry().outcome())
                .contains("call.outcome DENIED").doesNotContain("call.outcome SUCCEEDED");
    }

    @Test
    @DisplayName("a check-in series is booked with its count, interval and the caller's consent; the number is kept for each of its calls")
    void checkInsAreBooked() throws Exception {
        Instant firstCall = server.clock.instant().plus(Duration.ofDays(7));

        HttpResponse<Buffer> booked = op2.postJson(OUTCOME, outcome(checkIn(firstCall, 3, true, NUMBER)));
        HttpResponse<Buffer> again = op2.postJson(OUTCOME, outcome(checkIn(firstCall, 3, true, NUMBER)));

        assertThat(booked.statusCode()).as(booked.bodyAsString()).isEqualTo(201);
        assertThat(again.statusCode()).as(again.bodyAsString()).isEqualTo(201);
        assertThat(booked.bodyAsJsonObject().getJsonArray("booked")).containsExactly(new JsonObject()
                .put("type", "check-in").put("series", "call-1/check-ins").put("firstCall", firstCall.toString())
                .put("everyDays", 7).put("calls", 3));
        for (int n = 1; n <= 3; n++) {
            assertThat(kept("call-1/check-ins/check-in-" + n)).as("call " + n).contains("+447700900456");
        }
        assertThat(openCall("call-1/check-ins/check-in-1")).hasValueSatisfying(call ->
                assertThat(call.kind()).isEqualTo(CallKind.CHECK_IN));
    }

    @Test
    @DisplayName("bad numbers, missing counts or consent, past times and a second callback are refused before anything is kept")
    void badBookingsAreRefused() throws Exception {
        Instant slot = firstSlot().start();
        Instant nextWeek = server.clock.instant().plus(Duration.ofDays(7));

        assertRefused(outcome(callback(slot, "not a number")), 400, "bad-number");
        assertRefused(outcome(new JsonObject().put("type", "callback").put("slotStart", slot.toString())), 400,
                "missing-field");
        assertRefused(outcome(callback(server.clock.instant().minusSeconds(60), NUMBER)), 422, "bad-time");
        assertRefused(outcome(callback(slot, NUMBER), callback(slot.plus(Duration.ofMinutes(15)), NUMBER)), 400,
                "bad-pathway");
        assertRefused(outcome(checkIn(nextWeek, 3, false, NUMBER)), 422, "no-consent");
        JsonObject noCount = checkIn(nextWeek, 3, true, NUMBER);
        noCount.remove("calls");
        assertRefused(outcome(noCount), 400, "missing-field");
        assertRefused(outcome(checkIn(nextWeek, 0, true, NUMBER)), 400, "out-of-range");
        assertThat(kept("call-1/callback")).isEmpty();
        assertThat(kept("call-1/check-ins/check-in-1")).isEmpty();
    }

    @Test
    @DisplayName("another slot for a call whose callback is booked is 409 already-booked; the first booking and its number stay")
    void secondSlotIsRefused() throws Exception {
        List<CallbackSlot> slots = server.queue.offerSlots().toCompletableFuture().get();
        assertThat(op2.postJson(OUTCOME, outcome(callback(slots.get(0).start(), NUMBER))).statusCode()).isEqualTo(201);

        assertRefused(outcome(callback(slots.get(1).start(), NUMBER)), 409, "already-booked");

        assertThat(kept("call-1/callback")).contains("+447700900456");
        assertThat(openCall("call-1/callback")).hasValueSatisfying(call ->
                assertThat(call.joinedAt()).isEqualTo(slots.get(0).start()));
    }

    private void assertRefused(JsonObject body, int status, String error) throws Exception {
        HttpResponse<Buffer> refused = op2.postJson(OUTCOME, body);
        assertThat(refused.statusCode()).as(refused.bodyAsString()).isEqualTo(status);
        assertThat(refused.bodyAsJsonObject().getString("error")).isEqualTo(error);
        assertThat(refused.bodyAsString()).doesNotContain("900456");
    }

    private CallbackSlot firstSlot() throws Exception {
        return server.queue.offerSlots().toCompletableFuture().get().get(0);
    }

    private Optional<String> kept(String call) throws Exception {
        return server.callbackNumbers.find(CallId.of(call)).toCompletableFuture().get();
    }

    private Optional<Call> openCall(String id) throws Exception {
        return server.queue.snapshot(100).toCompletableFuture().get().otherOpen().stream()
                .filter(call -> call.id().value().equals(id)).findFirst();
    }

    private int placesLeft() throws Exception {
        return op2.get("/api/cafes?district=LS6").bodyAsJsonObject().getJsonArray("cafes").getJsonObject(0)
                .getInteger("placesLeft");
    }

    private static JsonObject callback(Instant slotStart, String number) {
        return new JsonObject().put("type", "callback").put("slotStart", slotStart.toString())
                .put("callbackNumber", number);
    }

    private static JsonObject checkIn(Instant firstCall, int calls, boolean consent, String number) {
        return new JsonObject().put("type", "check-in").put("firstCall", firstCall.toString()).put("everyDays", 7)
                .put("calls", calls).put("consent", consent).put("callbackNumber", number);
    }

    private static JsonObject outcome(JsonObject... pathways) {
        return new JsonObject().put("pathways", new JsonArray(List.of((Object[]) pathways))).put("clinicalRisk", false);
    }
}
