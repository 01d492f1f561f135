package org.crisisline.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.crisisline.queue.callback.Rota;
import org.crisisline.queue.command.QueueCommand;
import org.crisisline.queue.model.CallId;
import org.crisisline.queue.model.CallerRef;
import org.crisisline.queue.model.Line;
import org.crisisline.queue.model.Tier;
import org.crisisline.server.history.Contact;
import org.crisisline.server.http.ApiServer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Keys;
import org.openqa.selenium.support.ui.Select;

class OperativePanelTest extends BrowserTest {
    @Test
    @DisplayName("The panel shows the operative's current call: a tier badge in words, line, source and the caller's pseudonym")
    void currentCall() throws Exception {
        chromium.signIn(server, "op2", "/operative.html");
        assertThat(chromium.visible("#call-tier .tier-badge").getText()).isEqualTo("Tier 2 · Crisis");
        assertThat(chromium.find("#call-caller").getText()).isEqualTo(ApiServer.CALLER_1);
        assertThat(chromium.find("#call-line").getText()).isEqualTo("Crisis");
        assertThat(chromium.find("#call-source").getText()).isEqualTo("NHS 111");
        assertThat(chromium.find("#my-state").getText()).isEqualTo("On call");
        assertThat(chromium.find("#audio-title").isDisplayed()).isTrue();
        chromium.assertCleanSince(server);
        chromium.screenshot("operative");
    }

    @Test
    @DisplayName("A café alone for a tier-1 caller is refused: the rule's reason is shown in the form and nothing is saved")
    void cafeAloneRefused() throws Exception {
        chromium.signIn(server, "op1", "/operative.html");
        assertThat(chromium.visible("#call-tier .tier-badge").getText()).isEqualTo("Tier 1 · Immediate risk");
        pickTheFirstCafeInLs6();
        assertThat(chromium.find("#cafe-offers").getText()).contains("places left");
        chromium.find("#outcome-form button[type=submit]").click();

        chromium.waitForText("#outcome-status", "café");
        assertThat(chromium.find("#outcome-status").getAttribute("data-kind")).isEqualTo("error");
        assertThat(chromium.find("#outcome-status").getText()).contains("tier-1 caller");
        chromium.screenshot("operative-cafe-refused");

        assertThat(ApiServer.await(server.api.audit.records())).extracting(r -> r.entry().action() + " " + r.entry().outcome())
                .contains("call.outcome DENIED").doesNotContain("call.outcome SUCCEEDED");
        assertThat(server.api.signedIn("lead").get("/api/lead/queue").bodyAsJsonObject()
                .getJsonObject("cafeSignpostsToday").isEmpty()).isTrue();
        chromium.console();
    }

    @Test
    @DisplayName("An operative with no call says they are ready, and the call a lead then gives them appears on the panel")
    void readyThenCallArrives() throws Exception {
        chromium.signIn(server, "op3", "/operative.html");
        chromium.waitForText("#my-state", "Offline");
        assertThat(chromium.find("#no-call").getText()).contains("No call right now");
        chromium.find("#ready").click();
        chromium.waitForText("#my-state", "Available");
        // The reserve keeps the last free operative for tier 1, so the tier-3 caller waits for a lead's decision.
        assertThat(server.api.signedIn("lead").postJson("/api/lead/take-call", new JsonObject().put("call", "call-2")
                .put("operative", "op3").put("reason", "long wait, op3 free")).statusCode()).isEqualTo(200);
        assertThat(chromium.visible("#call-tier .tier-badge").getText()).isEqualTo("Tier 3 · Support");
        assertThat(chromium.find("#call-id").getText()).isEqualTo("call-2");
        chromium.assertCleanSince(server);
    }

    @Test
    @DisplayName("A CMHT referral found by postcode, with consent, plus a café is recorded and counted against the café")
    void referralAndCafeAccepted() throws Exception {
        chromium.signIn(server, "op2", "/operative.html");
        chromium.visible("#call-tier .tier-badge");
        chromium.find("#clinical-risk").click();
        chromium.find("#pw-cmht").click();
        chromium.type("#cmht-postcode", "LS6 2AB");
        chromium.find("#cmht-find").click();
        chromium.waitForText("#cmht-team", "leeds-west");
        new Select(chromium.find("#cmht-urgency")).selectByValue("urgent");
        chromium.type("#cmht-risk", "thoughts of self-harm, no plan");
        chromium.find("#cmht-consent").click();
        pickTheFirstCafeInLs6();
        chromium.find("#outcome-form button[type=submit]").sendKeys(Keys.ENTER);

        chromium.waitForText("#state-status", "Outcome recorded for call-1");
        assertThat(server.api.signedIn("lead").get("/api/lead/queue").bodyAsJsonObject()
                .getJsonObject("cafeSignpostsToday").getInteger("leeds-haven")).isEqualTo(1);
        assertThat(ApiServer.await(server.api.audit.records())).extracting(r -> r.entry().action() + " " + r.entry().outcome())
                .contains("call.outcome SUCCEEDED");
        chromium.assertCleanSince(server);
    }

    @Test
    @DisplayName("The panel shows the caller's previous contacts, with a note only where the caller consented")
    void callerHistory() throws Exception {
        remember("call-0", "2026-11-20T21:00:00Z", true, "prefers texts");
        remember("call-00", "2026-11-13T20:00:00Z", false, "not kept");
        chromium.signIn(server, "op2", "/operative.html");

        chromium.waitForText("#history-status", "2 previous contact(s)");
        String shown = chromium.find("#history-list").getText();
        assertThat(shown).contains("cafe-signpost:leeds-haven", "Note: prefers texts", "No note kept (no consent)")
                .doesNotContain("not kept\n").doesNotContain("Note: not kept");
        assertThat(shown.indexOf("prefers texts")).isLessThan(shown.indexOf("No note kept"));
        chromium.assertCleanSince(server);
        chromium.screenshot("operative-history");
    }

    @Test
    @DisplayName("A café signpost with a number texts the details, and the panel says so")
    void cafeDetailsTexted() throws Exception {
        chromium.signIn(server, "op2", "/operative.html");
        chromium.visible("#call-tier .tier-badge");
        pickTheFirstCafeInLs6();
        chromium.type("#cafe-text-to", "07700 900123");
        chromium.find("#history-consent").click();
        chromium.find("#outcome-form button[type=submit]").sendKeys(Keys.ENTER);

        chromium.waitForText("#state-status", "Details of leeds-haven texted to the caller");
        assertThat(server.api.texts.sent()).singleElement()
                .satisfies(text -> assertThat(text.to().number().e164()).isEqualTo("+447700900123"));
        chromium.assertCleanSince(server);
        chromium.screenshot("operative-cafe-texted");
    }

    @Test
    @DisplayName("A callback slot and a check-in plan, each with the number the caller confirmed, are booked, and the panel says what")
    void callbackAndCheckInsBooked() throws Exception {
        Instant now = server.api.clock.instant();
        server.api.execute(new QueueCommand.SetRota(new Rota(List.of(new Rota.Block(now, now.plus(Duration.ofDays(1)), 8)))));
        Instant slot = server.api.queue.offerSlots().toCompletableFuture().get().get(0).start();
        chromium.signIn(server, "op2", "/operative.html");
        chromium.visible("#call-tier .tier-badge");
        chromium.find("#pw-callback").click();
        chromium.setLocalDateTime("#callback-slot", slot);
        chromium.type("#callback-number", "07700 900321");
        chromium.find("#pw-check-in").click();
        chromium.setLocalDateTime("#checkin-first", now.plus(Duration.ofDays(7)));
        chromium.type("#checkin-calls", "3");
        chromium.type("#checkin-number", "07700 900321");
        chromium.find("#outcome-form button[type=submit]").click();

        chromium.waitForText("#outcome-status", "agreement");
        chromium.find("#checkin-consent").click();
        chromium.screenshot("operative-callback-and-check-ins");
        chromium.find("#outcome-form button[type=submit]").sendKeys(Keys.ENTER);

        chromium.waitForText("#state-status", "Callback booked for");
        assertThat(chromium.find("#state-status").getText()).contains("3 check-in call(s) booked, every 7 day(s)");
        assertThat(server.api.callbackNumbers.find(CallId.of("call-1/callback")).toCompletableFuture().get())
                .contains("+447700900321");
        assertThat(server.api.queue.snapshot(10).toCompletableFuture().get().otherOpen())
                .extracting(call -> call.id().value()).contains("call-1/callback", "call-1/check-ins/check-in-1");
        assertThat(chromium.find("#callback-number").getAttribute("value")).isEmpty();
        chromium.assertCleanSince(server);
    }

    /** Ticks the café pathway, searches LS6 and waits for the first offer to be chosen. */
    private static void pickTheFirstCafeInLs6() {
        chromium.find("#pw-cafe").click();
        chromium.type("#cafe-district", "LS6");
        chromium.find("#cafe-find").click();
        chromium.visible("#cafe-offers input[name=cafe]:checked");
    }

    private void remember(String call, String at, boolean consented, String note) throws Exception {
        ApiServer.await(io.vertx.core.Future.fromCompletionStage(server.api.history.record(
                new CallerRef(ApiServer.CALLER_1), Contact.of(CallId.of(call), Instant.parse(at), Line.CRISIS,
                        Tier.CRISIS, List.of("cafe-signpost:leeds-haven"), List.of(), consented, Optional.of(note)))));
    }
}
