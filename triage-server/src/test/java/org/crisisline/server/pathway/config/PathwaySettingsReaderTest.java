package org.crisisline.server.pathway.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.crisisline.server.pathway.PathwayConfigException;
import org.crisisline.server.pathway.referral.Urgency;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Pathway settings: shipped defaults, overrides, and errors that name the key")
class PathwaySettingsReaderTest {

    @Test
    @DisplayName("the shipped defaults are DOMAIN.md's: emergency 4 h, urgent 24 h, routine 4 weeks")
    void shippedDefaults() {
        PathwaySettings settings = PathwaySettingsReader.defaults();

        assertThat(settings.referral().respondWithin(Urgency.EMERGENCY)).isEqualTo(Duration.ofHours(4));
        assertThat(settings.referral().respondWithin(Urgency.URGENT)).isEqualTo(Duration.ofHours(24));
        assertThat(settings.referral().respondWithin(Urgency.ROUTINE)).isEqualTo(Duration.ofDays(28));
        assertThat(settings.referral().chaseAfter(Urgency.EMERGENCY)).isEqualTo(Duration.ofMinutes(30));
        assertThat(settings.referral().protectedTerms()).contains("suicid", "dual diagnosis", "substance");
        assertThat(settings.outbox().initialBackoff()).isEqualTo(Duration.ofSeconds(30));
        assertThat(settings.outbox().flagAfterFailures()).isEqualTo(5);
        assertThat(settings.cafe().soonWindow()).isEqualTo(Duration.ofHours(2));
        assertThat(settings.cafe().minimumTimeLeft()).isEqualTo(Duration.ofMinutes(30));
    }

    @Test
    @DisplayName("an override wins over the default")
    void overrides() {
        PathwaySettings settings = PathwaySettingsReader.read(Map.of(
                "pathway.cafe.soon-window", "45m", "pathway.outbox.backoff-multiplier", "1.5"));

        assertThat(settings.cafe().soonWindow()).isEqualTo(Duration.ofMinutes(45));
        assertThat(settings.outbox().multiplier()).isEqualTo(1.5);
    }

    @Test
    @DisplayName("an unknown key, a bad duration, a bad number or a value a record refuses: each names its key")
    void errorsNameTheKey() {
        assertThatThrownBy(() -> PathwaySettingsReader.read(Map.of("pathway.cafe.soon-windw", "1h")))
                .isInstanceOf(PathwayConfigException.class).hasMessageContaining("pathway.cafe.soon-windw")
                .hasMessageContaining("not a pathway setting");
        assertThatThrownBy(() -> PathwaySettingsReader.read(Map.of("pathway.referral.respond-within.urgent", "a day")))
                .hasMessageContaining("pathway.referral.respond-within.urgent").hasMessageContaining("not a duration");
        assertThatThrownBy(() -> PathwaySettingsReader.read(Map.of("pathway.outbox.flag-after-failures", "five")))
                .hasMessageContaining("pathway.outbox.flag-after-failures");
        assertThatThrownBy(() -> PathwaySettingsReader.read(Map.of("pathway.outbox.backoff-multiplier", "x")))
                .hasMessageContaining("pathway.outbox.backoff-multiplier");
        assertThatThrownBy(() -> PathwaySettingsReader.read(Map.of("pathway.referral.chase-after.emergency", "5h")))
                .hasMessageContaining("pathway.referral.chase-after.emergency");
        assertThatThrownBy(() -> PathwaySettingsReader.read(Map.of("pathway.outbox.initial-backoff", "0s")))
                .hasMessageContaining("pathway.outbox.initial-backoff");
        assertThatThrownBy(() -> PathwaySettingsReader.read(Map.of("pathway.referral.keep-settled", "-1")))
                .hasMessageContaining("pathway.referral.keep-settled").hasMessageContaining("negative");
        assertThatThrownBy(() -> PathwaySettingsReader.read(Map.of("pathway.referral.keep-settled", "many")))
                .hasMessageContaining("pathway.referral.keep-settled").hasMessageContaining("whole number");
    }

    @Test
    @DisplayName("referral endpoints are read by id (url and token), none is shipped, and a bad one names its key")
    void referralEndpoints() {
        assertThat(PathwaySettingsReader.defaults().delivery().endpoints()).isEmpty();
        PathwaySettings settings = PathwaySettingsReader.read(Map.of(
                "pathway.referral.endpoints.leeds-west-fhir.url", "https://cmht.example.invalid/fhir/ServiceRequest",
                "pathway.referral.endpoints.leeds-west-fhir.token", "a-long-enough-secret",
                "pathway.referral.delivery-timeout", "3s"));

        assertThat(settings.delivery().endpoint("leeds-west-fhir")).get().satisfies(endpoint -> {
            assertThat(endpoint.url()).hasToString("https://cmht.example.invalid/fhir/ServiceRequest");
            assertThat(endpoint.token()).isEqualTo("a-long-enough-secret");
            assertThat(endpoint.toString()).doesNotContain("secret");
        });
        assertThat(settings.delivery().timeout()).hasSeconds(3);
        assertThatThrownBy(() -> PathwaySettingsReader.read(Map.of(
                "pathway.referral.endpoints.x.url", "https://cmht.example.invalid/fhir")))
                .hasMessageContaining("pathway.referral.endpoints.x.token").hasMessageContaining("missing");
        assertThatThrownBy(() -> PathwaySettingsReader.read(Map.of(
                "pathway.referral.endpoints.x.url", "ftp://cmht.example.invalid/",
                "pathway.referral.endpoints.x.token", "a-long-enough-secret")))
                .hasMessageContaining("pathway.referral.endpoints.x.url");
        assertThatThrownBy(() -> PathwaySettingsReader.read(Map.of(
                "pathway.referral.endpoints.x.url", "https://cmht.example.invalid/",
                "pathway.referral.endpoints.x.token", "short")))
                .hasMessageContaining("pathway.referral.endpoints.x.token");
        assertThatThrownBy(() -> PathwaySettingsReader.read(Map.of("pathway.referral.endpoints.x.password", "y")))
                .hasMessageContaining("not a pathway setting");
        assertThatThrownBy(() -> PathwaySettingsReader.read(Map.of("pathway.referral.delivery-timeout", "0s")))
                .hasMessageContaining("pathway.referral.delivery-timeout");
    }
}
