package org.crisisline.server.softphone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.crisisline.server.ServerConfig;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class SoftphoneSettingsReaderTest {
    private static JsonObject section(String url) {
        return new JsonObject().put("wss-url", url).put("sip-domain", "pbx.example");
    }

    @Test
    @DisplayName("The shipped defaults turn the softphone off, and the panel is told only that")
    void offByDefault() {
        SoftphoneSettings settings = SoftphoneSettingsReader.read(ServerConfig.defaults().getJsonObject("softphone"));
        assertThat(settings.enabled()).isFalse();
        assertThat(settings.connectSource()).isEmpty();
        assertThat(settings.forOperative("op1")).isEqualTo(new JsonObject().put("enabled", false));
    }

    @Test
    @DisplayName("A wss URL, domain and ICE servers are read, and give the panel its user and the CSP its origin")
    void readsEverything() {
        JsonObject turn = new JsonObject().put("urls", new JsonArray().add("turn:turn.example:3478"))
                .put("username", "crisisline").put("credential", "s3cret");
        SoftphoneSettings settings = SoftphoneSettingsReader.read(section("wss://pbx.example:8089/ws")
                .put("ice-servers", new JsonArray().add(turn)));

        assertThat(settings.connectSource()).contains("wss://pbx.example:8089");
        JsonObject panel = settings.forOperative("op3");
        assertThat(panel.getBoolean("enabled")).isTrue();
        assertThat(panel.getString("wssUrl")).isEqualTo("wss://pbx.example:8089/ws");
        assertThat(panel.getString("sipDomain")).isEqualTo("pbx.example");
        assertThat(panel.getString("sipUser")).isEqualTo("op3");
        assertThat(panel.getJsonArray("iceServers")).containsExactly(turn);
    }

    @Test
    @DisplayName("Plain ws:// is refused except to this machine, where browsers treat it as secure")
    void plainWebSocketOnlyToLoopback() {
        assertThat(SoftphoneSettingsReader.read(section("ws://127.0.0.1:5066/ws")).connectSource())
                .contains("ws://127.0.0.1:5066");
        assertThatThrownBy(() -> SoftphoneSettingsReader.read(section("ws://pbx.example:8088/ws")))
                .hasMessageContaining("softphone.wss-url");
        assertThatThrownBy(() -> SoftphoneSettingsReader.read(section("https://pbx.example/ws")))
                .hasMessageContaining("softphone.wss-url");
        assertThatThrownBy(() -> SoftphoneSettingsReader.read(section("wss://user:pw@pbx.example/ws")))
                .hasMessageContaining("no user, query or fragment");
    }

    @Test
    @DisplayName("Bad values fail naming their key")
    void badValuesNameTheirKey() {
        assertThatThrownBy(() -> SoftphoneSettingsReader.read(section("wss://pbx.example/ws").put("sip-domain", "")))
                .hasMessageContaining("softphone.sip-domain");
        assertThatThrownBy(() -> SoftphoneSettingsReader.read(section("wss://pbx.example/ws").put("password", "x")))
                .hasMessageContaining("softphone.password: unknown key");
        assertThatThrownBy(() -> SoftphoneSettingsReader.read(section("wss://pbx.example/ws")
                .put("ice-servers", new JsonArray().add(new JsonObject().put("urls", new JsonArray().add("http://x"))))))
                .hasMessageContaining("softphone.ice-servers[0].urls");
        assertThatThrownBy(() -> SoftphoneSettingsReader.read(section("wss://pbx.example/ws").put("ice-servers", "stun:x")))
                .hasMessageContaining("softphone.ice-servers");
        assertThatThrownBy(() -> SoftphoneSettingsReader.read(new JsonObject().put("wss-url", 8089)))
                .hasMessageContaining("softphone.wss-url: a string");
    }
}
