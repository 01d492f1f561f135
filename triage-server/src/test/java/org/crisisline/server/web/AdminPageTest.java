package org.crisisline.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

@ExtendWith(VertxExtension.class)
class AdminPageTest {
    @RegisterExtension
    static final Chromium chromium = new Chromium();
    private WebServer server;

    @BeforeEach
    void start(Vertx vertx) throws Exception {
        server = WebServer.start(vertx);
    }

    @Test
    @DisplayName("The admin page shows the sections and PBX health, and saves an operative's languages with the version")
    void sectionsAndSkillsRoundTrip() throws Exception {
        chromium.signIn(server, "admin", "/admin.html");
        chromium.waitForText("#pbx", "pbx-a");
        chromium.waitForText("#sections", "Crisis cafés");
        assertThat(chromium.find("#pbx").getText()).contains("Up");
        chromium.assertCleanSince(server);

        chromium.type("input[name=languages-0]", "cy, pl");
        chromium.find("#skills-form button[type=submit]").click();
        chromium.waitForText("#skills-status", "version 2");
        JsonObject saved = server.api.signedIn("admin").get("/api/admin/operatives").bodyAsJsonObject();
        assertThat(saved.getInteger("version")).isEqualTo(2);
        assertThat(saved.getJsonArray("items").getJsonObject(0).getJsonArray("languages").getList())
                .containsExactly("cy", "pl");
        chromium.screenshot("admin");
        chromium.assertCleanSince(server);
    }
}
