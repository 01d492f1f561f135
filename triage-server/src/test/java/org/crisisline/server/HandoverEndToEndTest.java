package org.crisisline.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.DayOfWeek;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.crisisline.queue.model.OperativeId;
import org.crisisline.queue.model.Skills;
import org.crisisline.server.auth.web.Browser;
import org.crisisline.server.testing.QuietPbx;
import org.crisisline.server.testing.Waiting;
import org.crisisline.telephony.bus.LocalMessageCodec;
import org.crisisline.telephony.event.CallArrived;
import org.crisisline.telephony.event.RedirectDone;
import org.crisisline.telephony.event.TelephonyEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Escalation and warm transfer end to end through the embedded server: the simulated PBX puts callers
 * through the IVR to the operatives; the operative on the call signs in over HTTP and escalates or
 * transfers; the routing verticle sets the handover context on the caller's channel and redirects it; the
 * PBX's events show the Redirect, and the simulated PBX holds the variables. The duty line's hours are set
 * by the admin over HTTP, so the test does not depend on the day it runs.
 */
@DisplayName("escalation and warm transfer end to end")
class HandoverEndToEndTest {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final OperativeId OP1 = OperativeId.of("op1");
    private static final String DUTY_LINE = "+441130000100";
    private static final String CALLER_NUMBER = "07700900456";

    private final Vertx vertx = Vertx.vertx();
    private final List<TelephonyEvent> events = new CopyOnWriteArrayList<>();
    private CrisislineServer server;
    private Path auditFile;

    @AfterEach
    void stop() {
        if (server != null) {
            await(server.stop());
        }
        await(vertx.close());
    }

    @Test
    @Timeout(value = 90, unit = TimeUnit.SECONDS)
    @DisplayName("op1 escalates their caller to 999; another caller is refused a transfer to a closed duty line, then transferred once it is open")
    void escalateThenWarmTransfer() throws Exception {
        start();
        Browser admin = signedIn("admin");
        Browser op1 = signedIn("op1");
        Browser op2 = signedIn("op2");

        String first = await(server.pbx().placeCall("crisis", "danger-now", CALLER_NUMBER));
        until(() -> server.routing().callFlow().answered() == 1);
        String firstCall = currentCall(op1).orElseThrow();
        assertThat(firstCall).isEqualTo(callIdOf(first));

        HttpResponse<Buffer> escalated = op1.postJson("/api/calls/" + firstCall + "/escalate", new JsonObject()
                .put("service", "ambulance").put("reason", "took an overdose an hour ago")
                .put("context", "conscious, at home, door unlocked"));
        assertThat(escalated.statusCode()).as(escalated.bodyAsString()).isEqualTo(200);
        assertThat(escalated.bodyAsJsonObject().getString("context")).isEqualTo("crisisline-emergency");
        until(() -> redirected(first, "crisisline-emergency"));
        assertThat(variable(first, "CRISISLINE_EMERGENCY_SERVICE")).contains("ambulance");
        assertThat(variable(first, "CRISISLINE_TRANSFER_CONTEXT")).contains("conscious at home door unlocked");
        assertThat(variable(first, "CRISISLINE_CALLER")).hasValueSatisfying(pseudonym ->
                assertThat(pseudonym).startsWith("c_").doesNotContain("900456"));

        assertThat(op2.post("/api/operative/ready").statusCode()).isEqualTo(200);
        String second = await(server.pbx().placeCall("crisis", "no-danger-keep-waiting"));
        until(() -> server.routing().callFlow().answered() == 2);
        String secondCall = callIdOf(second);
        Browser onSecond = secondCall.equals(currentCall(op2).orElse("")) ? op2 : op1;
        JsonObject transfer = new JsonObject().put("team", "leeds-west").put("reason", "ongoing low mood, known to team")
                .put("context", "asks for their care coordinator");

        dutyLineHours(admin, closedNow());
        HttpResponse<Buffer> refused = onSecond.postJson("/api/calls/" + secondCall + "/transfer", transfer);
        assertThat(refused.statusCode()).as(refused.bodyAsString()).isEqualTo(409);
        assertThat(refused.bodyAsJsonObject().getString("error")).isEqualTo("duty-line-closed");
        assertThat(refused.bodyAsJsonObject().getString("message")).contains("next opens at");
        HttpResponse<Buffer> unlisted = onSecond.postJson("/api/calls/" + secondCall + "/transfer", new JsonObject()
                .put("number", "+447700900999").put("reason", "a number typed in"));
        assertThat(unlisted.statusCode()).as(unlisted.bodyAsString()).isEqualTo(422);
        assertThat(variable(second, "CRISISLINE_TRANSFER_TO")).isEmpty();

        dutyLineHours(admin, openAllWeek());
        HttpResponse<Buffer> transferred = onSecond.postJson("/api/calls/" + secondCall + "/transfer", transfer);
        assertThat(transferred.statusCode()).as(transferred.bodyAsString()).isEqualTo(200);
        until(() -> redirected(second, "crisisline-transfer"));
        assertThat(variable(second, "CRISISLINE_TRANSFER_TO")).contains(DUTY_LINE);
        assertThat(variable(second, "CRISISLINE_TIER")).contains("2");
        assertThat(variable(second, "CRISISLINE_TRANSFER_REASON")).contains("ongoing low mood known to team");
        assertThat(variable(second, "CRISISLINE_TRANSFER_CONTEXT")).contains("asks for their care coordinator");

        String audit = Files.readString(auditFile);
        assertThat(audit).contains("call.escalate").contains("call.transfer").contains(firstCall).contains(secondCall)
                .contains("duty-line-closed").contains("duty line of leeds-west " + DUTY_LINE)
                .doesNotContain(CALLER_NUMBER).doesNotContain("+447700900999");
    }

    private void start() {
        LocalMessageCodec.install(vertx);
        vertx.eventBus().<TelephonyEvent>consumer(TelephonyEvent.ADDRESS, m -> events.add(m.body()));
        ServerOptions demo = ServerOptions.demo(10);
        auditFile = Path.of(demo.security().get("audit.file"));
        // op1 is the only operative at first, so the first caller is answered by the person who signs in as op1.
        server = await(CrisislineServer.start(vertx, demo.withRouting(demo.routing()
                        .withOperatives(Map.of(OP1, Skills.clinicallyQualified())).withReadyAgainAfter(Optional.empty()))
                .withSimulatedPbx(QuietPbx.settings("100h", 0.0))));
    }

    private Optional<String> currentCall(Browser operative) throws Exception {
        HttpResponse<Buffer> current = operative.get("/api/operative/call");
        return current.statusCode() == 200 ? Optional.of(current.bodyAsJsonObject().getString("id")) : Optional.empty();
    }

    private String callIdOf(String channel) {
        until(() -> events.stream().anyMatch(e -> e instanceof CallArrived a && a.channel().equals(channel)));
        return events.stream().filter(e -> e instanceof CallArrived a && a.channel().equals(channel))
                .map(e -> ((CallArrived) e).uniqueid()).findFirst().orElseThrow();
    }

    private boolean redirected(String channel, String context) {
        return events.stream().anyMatch(e -> e instanceof RedirectDone r && r.channel().equals(channel)
                && r.context().equals(context));
    }

    private Optional<String> variable(String channel, String name) {
        return await(server.pbx().channelVariable(channel, name));
    }

    /** Replaces the demo team's duty-line hours, as an admin does. */
    private static void dutyLineHours(Browser admin, JsonArray hours) throws Exception {
        JsonObject section = admin.get("/api/admin/cmht").bodyAsJsonObject();
        JsonArray teams = section.getJsonArray("items");
        teams.getJsonObject(0).getJsonObject("dutyLine").put("hours", hours);
        HttpResponse<Buffer> saved = admin.putJson("/api/admin/cmht", new JsonObject()
                .put("version", section.getValue("version")).put("items", teams));
        assertThat(saved.statusCode()).as(saved.bodyAsString()).isEqualTo(200);
    }

    private static JsonArray openAllWeek() {
        JsonArray hours = new JsonArray();
        for (DayOfWeek day : DayOfWeek.values()) {
            hours.add(new JsonObject().put("day", day.name()).put("opens", "00:00").put("closes", "23:59"));
        }
        return hours;
    }

    /** Open only three days from today (in England): closed now, whatever the time. */
    private static JsonArray closedNow() {
        DayOfWeek later = ZonedDateTime.now(ZoneId.of("Europe/London")).getDayOfWeek().plus(3);
        return new JsonArray().add(new JsonObject().put("day", later.name()).put("opens", "09:00").put("closes", "17:00"));
    }

    private Browser signedIn(String username) throws Exception {
        Browser browser = new Browser(vertx, server.httpPort());
        HttpResponse<Buffer> login = browser.login(username, server.demoPasswords().get(username));
        assertThat(login.statusCode()).as("sign-in as " + username).isEqualTo(200);
        return browser;
    }

    private static void until(BooleanSupplier condition) {
        Waiting.until(condition, WAIT);
    }

    private static <T> T await(Future<T> future) {
        return Waiting.await(future, WAIT);
    }
}
