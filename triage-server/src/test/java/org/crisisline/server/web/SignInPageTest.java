package org.crisisline.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class SignInPageTest extends BrowserTest {
    @Test
    @DisplayName("The sign-in page loads only from its own origin, logs no error, and a wrong password shows the server's message")
    void wrongPassword() throws Exception {
        chromium.open("about:blank");
        chromium.console();
        chromium.requestedUrls();
        chromium.open(server.url("/"));
        chromium.visible("#username");
        chromium.assertCleanSince(server);
        chromium.screenshot("index");

        chromium.type("#username", "op1");
        chromium.type("#password", "not-the-password");
        chromium.find("#sign-in button[type=submit]").click();
        chromium.waitForText("#sign-in-error", "");
        String error = chromium.visible("#sign-in-error").getText();
        assertThat(error).isNotBlank().doesNotContain("401");
        assertThat(chromium.driver.getCurrentUrl()).endsWith("/");
        assertThat(chromium.find("#password").getAttribute("value")).isEmpty();
        chromium.screenshot("index-wrong-password");
        chromium.console();
    }

    @Test
    @DisplayName("Each role lands on its own page after signing in")
    void routesByRole() {
        chromium.signIn(server, "op2", "/operative.html");
        chromium.signIn(server, "lead", "/lead.html");
        chromium.signIn(server, "admin", "/admin.html");
        chromium.console();
    }
}
