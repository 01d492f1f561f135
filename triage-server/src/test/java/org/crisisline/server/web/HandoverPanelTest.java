package org.crisisline.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.crisisline.queue.model.CallId;
import org.crisisline.queue.model.Tier;
import org.crisisline.server.http.ApiServer;
import org.crisisline.server.routing.EmergencyService;
import org.crisisline.server.routing.HandoverDone;
import org.crisisline.server.routing.HandoverRequest;
import org.crisisline.server.routing.Handovers;
import org.crisisline.telephony.Dialplan;
import org.crisisline.telephony.bus.LocalMessageCodec;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Keys;
import org.openqa.selenium.support.ui.Select;

/**
 * The panel's "Emergency" and "Warm transfer" actions. The page server has no PBX, so this node's
 * routing port ({@link Handovers}) is answered here the way the routing verticle answers it (its own
 * handling is tested on the simulated PBX in {@code RoutingHandoverTest} and end to end in
 * {@code HandoverEndToEndTest}); what the page asked for is kept and checked. op1 is on tier-1
 * {@code call-3}; the clock is a Friday at 19:00, when the demo team's duty line is closed.
 */
class HandoverPanelTest extends BrowserTest {
    private static final String LISTED = "+441130000300";
    private final List<HandoverRequest> asked = new CopyOnWriteArrayList<>();

    @BeforeEach
    void answerTheRoutingPort(Vertx vertx) throws Exception {
        LocalMessageCodec.install(vertx);
        ApiServer.await(vertx.eventBus().<HandoverRequest>localConsumer(Handovers.ADDRESS, message -> {
            HandoverRequest request = message.body();
            asked.add(request);
            Map<String, String> variables = new LinkedHashMap<>(request.context().variables());
            String context = Dialplan.EMERGENCY_CONTEXT;
            if (request instanceof HandoverRequest.Transfer transfer) {
                variables.put(Dialplan.TRANSFER_TO, transfer.target().number());
                context = Dialplan.TRANSFER_CONTEXT;
            }
            message.reply(new HandoverDone(request.call(), context, variables));
        }).completion());
        ApiServer.await(vertx.eventBus().localConsumer(Handovers.TRANSFER_NUMBERS, message -> message.reply(
                new JsonObject().put("numbers", new JsonArray().add(new JsonObject()
                        .put("name", "Out-of-hours crisis team").put("number", LISTED))))).completion());
    }

    @Test
    @DisplayName("Emergency asks for confirmation first, all by keyboard, then sends the caller with the service, reason and note")
    void emergencyIsConfirmedByKeyboard() throws Exception {
        chromium.signIn(server, "op1", "/operative.html");
        assertThat(chromium.visible("#handover-title").getText()).isEqualTo("Move the caller on");
        new Select(chromium.find("#emergency-service-now")).selectByValue("police");
        chromium.type("#emergency-reason", "partner threatening the caller");
        chromium.type("#emergency-context", "caller hiding upstairs");
        chromium.find("#emergency-form button[type=submit]").sendKeys(Keys.ENTER);

        assertThat(chromium.visible("#emergency-confirm").getText()).isEqualTo("Yes, escalate now");
        assertThat(chromium.find("#emergency-question").getText()).contains("police");
        assertThat(asked).as("nothing is sent before the confirmation").isEmpty();
        chromium.screenshot("operative-emergency-confirm");
        chromium.find("#emergency-confirm").sendKeys(Keys.ENTER);

        chromium.waitForText("#handover-status", "put through to the emergency services (police)");
        assertThat(asked).singleElement().isInstanceOfSatisfying(HandoverRequest.Escalate.class, escalate -> {
            assertThat(escalate.call()).isEqualTo(CallId.of(WebServer.TIER_ONE_CALL));
            assertThat(escalate.service()).isEqualTo(EmergencyService.POLICE);
            assertThat(escalate.context().tier()).isEqualTo(Tier.IMMEDIATE_RISK);
            assertThat(escalate.context().caller().pseudonym()).isEqualTo(WebServer.TIER_ONE_CALLER);
            assertThat(escalate.context().contextLine()).contains("caller hiding upstairs");
        });
        chromium.assertCleanSince(server);
        chromium.screenshot("operative-emergency-sent");
    }

    @Test
    @DisplayName("Warm transfer shows a closed duty line with its next opening, lists the configured numbers, and transfers to one")
    void warmTransferToAListedNumber() throws Exception {
        chromium.signIn(server, "op2", "/operative.html");
        chromium.visible("#handover-title");
        assertThat(chromium.find("#transfer-postcode").isDisplayed()).as("closed until asked for").isFalse();
        chromium.find("#transfer-open").sendKeys(Keys.ENTER);
        assertThat(chromium.find("#transfer-open").getAttribute("aria-expanded")).isEqualTo("true");
        chromium.type("#transfer-postcode", "LS6 2AB");
        chromium.find("#transfer-find-team").click();
        chromium.waitForText("#transfer-team-status", "no warm transfer now");
        assertThat(chromium.find("#transfer-team-status").getText()).contains("next opens Monday at");
        assertThat(chromium.find("#transfer-team").getText()).isEmpty();

        chromium.visible("#transfer-numbers input[name=target]").click();
        chromium.type("#transfer-reason", "needs the crisis team tonight");
        chromium.type("#transfer-context", "agreed to be transferred");
        chromium.find("#transfer-form button[type=submit]").sendKeys(Keys.ENTER);

        chromium.waitForText("#handover-status", "Transferring the caller to " + LISTED);
        assertThat(asked).singleElement().isInstanceOfSatisfying(HandoverRequest.Transfer.class, transfer -> {
            assertThat(transfer.call()).isEqualTo(CallId.of("call-1"));
            assertThat(transfer.target()).isEqualTo(new HandoverRequest.TransferTarget.Configured(LISTED));
            assertThat(transfer.context().reason()).isEqualTo("needs the crisis team tonight");
        });
        assertThat(ApiServer.await(server.api.audit.records())).extracting(r -> r.entry().action() + " " + r.entry().outcome())
                .contains("call.transfer SUCCEEDED");
        chromium.assertCleanSince(server);
        chromium.screenshot("operative-transfer");
    }
}
