package org.crisisline.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.crisisline.queue.model.Tier;
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
}
