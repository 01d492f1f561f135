package org.crisisline.server.pathway.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.crisisline.server.pathway.PathwayConfigException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Text gateway settings: logging by default, http with a URL and token, errors that name the key")
class TextSettingsReaderTest {

    @Test
    @DisplayName("by default nothing leaves the server: the logging gateway, a 5 s timeout")
    void loggingByDefault() {
        TextSettings text = PathwaySettingsReader.defaults().text();

        assertThat(text.gateway()).isEqualTo(TextSettings.Gateway.LOGGING);
        assertThat(text.url()).isEmpty();
        assertThat(text.timeout()).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    @DisplayName("the http gateway takes its URL, token and timeout, and never prints the token")
    void httpGateway() {
        TextSettings text = PathwaySettingsReader.read(Map.of("pathway.text.gateway", "http",
                "pathway.text.url", "https://sms.example.org/send", "pathway.text.token", "s3cret",
                "pathway.text.timeout", "2s")).text();

        assertThat(text.gateway()).isEqualTo(TextSettings.Gateway.HTTP);
        assertThat(text.url()).contains(URI.create("https://sms.example.org/send"));
        assertThat(text.token()).contains("s3cret");
        assertThat(text.timeout()).isEqualTo(Duration.ofSeconds(2));
        assertThat(text.toString()).doesNotContain("s3cret");
    }

    @Test
    @DisplayName("an unknown gateway, an http gateway without a URL or token, or a zero timeout fail naming the key")
    void badValuesNameTheKey() {
        assertThatThrownBy(() -> PathwaySettingsReader.read(Map.of("pathway.text.gateway", "pigeon")))
                .isInstanceOf(PathwayConfigException.class).hasMessageContaining("pathway.text.gateway");
        assertThatThrownBy(() -> PathwaySettingsReader.read(Map.of("pathway.text.gateway", "http",
                "pathway.text.token", "t")))
                .isInstanceOf(PathwayConfigException.class).hasMessageContaining("pathway.text.url");
        assertThatThrownBy(() -> PathwaySettingsReader.read(Map.of("pathway.text.gateway", "http",
                "pathway.text.url", "ftp://example.org", "pathway.text.token", "t")))
                .isInstanceOf(PathwayConfigException.class).hasMessageContaining("pathway.text.url");
        assertThatThrownBy(() -> PathwaySettingsReader.read(Map.of("pathway.text.gateway", "http",
                "pathway.text.url", "https://sms.example.org/send")))
                .isInstanceOf(PathwayConfigException.class).hasMessageContaining("pathway.text.token");
        assertThatThrownBy(() -> PathwaySettingsReader.read(Map.of("pathway.text.timeout", "0s")))
                .isInstanceOf(PathwayConfigException.class).hasMessageContaining("pathway.text.timeout");
    }
}
