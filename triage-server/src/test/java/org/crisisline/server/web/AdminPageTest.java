package org.crisisline.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class AdminPageTest extends BrowserTest {
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
