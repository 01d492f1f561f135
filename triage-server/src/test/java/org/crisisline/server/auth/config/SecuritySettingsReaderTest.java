package org.crisisline.server.auth.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.crisisline.server.auth.Argon2Settings;
import org.crisisline.server.auth.AuthConfigException;
import org.crisisline.server.auth.SessionSettings;
import org.crisisline.server.auth.ThrottleSettings;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class SecuritySettingsReaderTest {

    @Test
    @DisplayName("The shipped defaults are the records' defaults: OWASP Argon2id, 5 failures in 15 min, 30 min idle, 12 h")
    void shippedDefaults() {
        SecuritySettings settings = SecuritySettingsReader.defaults();

        assertThat(settings.argon2()).isEqualTo(Argon2Settings.defaults());
        assertThat(settings.login()).isEqualTo(ThrottleSettings.defaults());
        assertThat(settings.session()).isEqualTo(SessionSettings.defaults());
        assertThat(settings.maxBodyBytes()).isEqualTo(16_384);
        assertThat(settings.auditFile()).isEqualTo(Path.of("data/audit.jsonl"));
    }

    @Test
    @DisplayName("An override wins over the default")
    void overrides() {
        SecuritySettings settings = SecuritySettingsReader.read(Map.of(
                "auth.session.idle-timeout", "15m", "auth.argon2.memory-kib", "65536"));

        assertThat(settings.session().idleTimeout()).isEqualTo(Duration.ofMinutes(15));
        assertThat(settings.argon2().memoryKib()).isEqualTo(65_536);
    }

    @Test
    @DisplayName("An unknown key, a bad duration, a bad number or a bad flag fails naming the key")
    void errorsNameTheKey() {
        assertThatThrownBy(() -> SecuritySettingsReader.read(Map.of("auth.session.idle-timout", "15m")))
                .isInstanceOf(AuthConfigException.class).hasMessageContaining("auth.session.idle-timout");
        assertThatThrownBy(() -> SecuritySettingsReader.read(Map.of("auth.login.window", "fifteen")))
                .isInstanceOf(AuthConfigException.class).hasMessageContaining("auth.login.window");
        assertThatThrownBy(() -> SecuritySettingsReader.read(Map.of("auth.argon2.iterations", "2.5")))
                .isInstanceOf(AuthConfigException.class).hasMessageContaining("auth.argon2.iterations");
        assertThatThrownBy(() -> SecuritySettingsReader.read(Map.of("auth.session.cookie-secure", "yes")))
                .isInstanceOf(AuthConfigException.class).hasMessageContaining("auth.session.cookie-secure");
        assertThatThrownBy(() -> SecuritySettingsReader.read(Map.of("auth.session.absolute-lifetime", "10m")))
                .isInstanceOf(AuthConfigException.class).hasMessageContaining("auth.session.absolute-lifetime");
    }

    @Test
    @DisplayName("The pseudonym key is a secret and has no shipped default")
    void noSecretInDefaults() {
        assertThat(SecuritySettingsReader.shippedDefaults()).doesNotContainKey("audit.pseudonym-key");
    }
}
