package org.crisisline.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.crisisline.queue.command.QueueCommand;
import org.crisisline.queue.model.CallId;
import org.crisisline.queue.model.CallerRef;
import org.crisisline.queue.model.OperativeId;
import org.crisisline.queue.model.Tier;
import org.crisisline.server.http.ApiServer;
import org.crisisline.server.pathway.cmht.TeamId;
import org.crisisline.server.pathway.config.PathwaySettingsReader;
import org.crisisline.server.pathway.referral.Consent;
import org.crisisline.server.pathway.referral.Referral;
import org.crisisline.server.pathway.referral.ReferralRequest;
import org.crisisline.server.pathway.referral.RiskSummary;
import org.crisisline.server.pathway.referral.Urgency;
import org.crisisline.server.referral.ReferralDesk;
import org.crisisline.server.referral.ReferralJournal;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.support.ui.Select;

class LeadDashboardTest extends BrowserTest {
    @Test
    @DisplayName("The dashboard shows callers waiting per tier and updates over the event stream when a tier-1 caller arrives")
    void waitingPerTierLive() throws Exception {
        chromium.signIn(server, "lead", "/lead.html");
        chromium.waitForText("#live", "Live");
        assertThat(chromium.find(".tier-card-1 .count").getText()).isEqualTo("0");
        assertThat(chromium.find(".tier-card-3 .count").getText()).isEqualTo("1");
        assertThat(chromium.find("#operatives").getText()).contains("op1", "op2");
        chromium.assertCleanSince(server);

        server.enqueue("call-4", "c_callerfou0000004", Tier.IMMEDIATE_RISK);
        chromium.waitForText(".tier-card-1 .count", "1");
        assertThat(chromium.find("#waiting").getText()).contains("call-4", "Tier 1 · Immediate risk");
        assertThat(chromium.find("#take-call").getText()).contains("call-4");
        chromium.screenshot("lead");
        chromium.assertCleanSince(server);
    }

    @Test
    @DisplayName("Sending an operative on a break needs a reason, then is confirmed")
    void sendOnBreak() throws Exception {
        chromium.signIn(server, "lead", "/lead.html");
        chromium.waitForText("#break-operative", "op1");
        new Select(chromium.find("#break-operative")).selectByValue("op1");
        chromium.find("#break-form button[type=submit]").click();
        chromium.waitForText("#action-status", "Reason");
        chromium.type("#break-reason", "four tier-1 calls tonight");
        chromium.find("#break-form button[type=submit]").click();
        chromium.waitForText("#action-status", "op1:");
        assertThat(chromium.find("#action-status").getAttribute("data-kind")).isEqualTo("ok");
        chromium.assertCleanSince(server);
    }

    @Test
    @DisplayName("A booked callback is offered for cancelling; cancelled with a reason, it is confirmed and leaves the list")
    void cancelBookedCallback() throws Exception {
        server.api.execute(new QueueCommand.AcceptVirtualHold(CallId.of("call-2")));
        server.api.execute(new QueueCommand.EndCall(CallId.of("call-2")));

        chromium.signIn(server, "lead", "/lead.html");
        chromium.waitForText("#cancel-call", "call-2");
        assertThat(chromium.find("#cancel-call").getText()).contains("call-2 · Virtual hold · tier 3 · holding a place");
        new Select(chromium.find("#cancel-call")).selectByValue("call-2");
        chromium.find("#cancel-form button[type=submit]").click();
        chromium.waitForText("#action-status", "Reason");
        chromium.type("#cancel-reason", "caller rang back: safe with family tonight");
        chromium.screenshot("lead-cancel-callback");
        chromium.find("#cancel-form button[type=submit]").click();
        chromium.waitForText("#action-status", "call-2: callback cancelled.");
        assertThat(chromium.find("#action-status").getAttribute("data-kind")).isEqualTo("ok");
        server.api.clock.advance(Duration.ofSeconds(5));
        chromium.waitForNoText("#cancel-call", "call-2");
        chromium.assertCleanSince(server);
    }

    @Test
    @DisplayName("Referrals to watch show why: an undelivered one flagged after repeated failures, a delivered one awaiting acknowledgement")
    void referralsToWatch() throws Exception {
        ReferralDesk desk = server.api.referralDesk;
        ReferralJournal.By operative = new ReferralJournal.By("op2", List.of("OPERATIVE"));
        Referral undelivered = ApiServer.await(desk.open(List.of(request("call-1")), operative)).get(0);
        Referral delivered = ApiServer.await(desk.open(List.of(request("call-2")), operative)).get(0);
        for (int i = 0; i < PathwaySettingsReader.defaults().outbox().flagAfterFailures(); i++) {
            ApiServer.await(desk.deliveryFailed(undelivered.id(), "the team's endpoint answered HTTP 503",
                    ReferralJournal.By.DELIVERY));
        }
        ApiServer.await(desk.apply(delivered.id(), desk.lifecycle()::delivered, ReferralJournal.By.DELIVERY));

        chromium.signIn(server, "lead", "/lead.html");
        chromium.waitForText("#referrals", delivered.id().value());

        assertThat(chromium.find("#referrals tr[data-needs=deliveryFlagged]").getText())
                .contains("Not delivered (flagged)", undelivered.id().value(), "leeds-west");
        assertThat(chromium.find("#referrals tr[data-needs=awaitingAcknowledgement]").getText())
                .contains("Awaiting acknowledgement", delivered.id().value());
        chromium.screenshot("lead-referrals");
        chromium.assertCleanSince(server);
    }

    private static ReferralRequest request(String call) {
        return new ReferralRequest(CallId.of(call), new CallerRef(ApiServer.CALLER_1), TeamId.of("leeds-west"),
                Urgency.URGENT, new RiskSummary("Low mood, no plan", true), Consent.given(Instant.parse("2026-11-27T19:00:00Z")),
                OperativeId.of("op2"));
    }
}
