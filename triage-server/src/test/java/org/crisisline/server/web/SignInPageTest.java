package org.crisisline.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

@ExtendWith(VertxExtension.class)
class SignInPageTest {
    @RegisterExtension
    static final Chromium chromium = new Chromium();
    private WebServer server;

    @BeforeEach
    void start(Vertx vertx) throws Exception {
        server = WebServer.start(vertx);
    }

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
