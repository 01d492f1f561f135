package org.crisisline.server.pathway.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.crisisline.server.pathway.PathwayConfigException;
import org.crisisline.server.pathway.config.PathwaySettingsReader;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Delivery retry backoff")
class RetryPolicyTest {

    @Test
    @DisplayName("doubles from 30 s and is capped at 15 min")
    void exponentialAndCapped() {
        RetryPolicy policy = PathwaySettingsReader.defaults().outbox();

        assertThat(policy.backoffAfter(1)).isEqualTo(Duration.ofSeconds(30));
        assertThat(policy.backoffAfter(2)).isEqualTo(Duration.ofSeconds(60));
        assertThat(policy.backoffAfter(5)).isEqualTo(Duration.ofSeconds(480));
        assertThat(policy.backoffAfter(6)).isEqualTo(Duration.ofMinutes(15));
        assertThat(policy.backoffAfter(10_000)).isEqualTo(Duration.ofMinutes(15));
    }

    @Test
    @DisplayName("bad values fail naming their key")
    void badValuesNameTheirKey() {
        assertThatThrownBy(() -> new RetryPolicy(Duration.ZERO, 2, Duration.ofMinutes(1), 3))
                .isInstanceOf(PathwayConfigException.class).hasMessageContaining("pathway.outbox.initial-backoff");
        assertThatThrownBy(() -> new RetryPolicy(Duration.ofSeconds(1), 0.5, Duration.ofMinutes(1), 3))
                .hasMessageContaining("pathway.outbox.backoff-multiplier");
        assertThatThrownBy(() -> new RetryPolicy(Duration.ofSeconds(1), Double.NaN, Duration.ofMinutes(1), 3))
                .hasMessageContaining("pathway.outbox.backoff-multiplier");
        assertThatThrownBy(() -> new RetryPolicy(Duration.ofMinutes(2), 2, Duration.ofMinutes(1), 3))
                .hasMessageContaining("pathway.outbox.max-backoff");
        assertThatThrownBy(() -> new RetryPolicy(Duration.ofSeconds(1), 2, Duration.ofMinutes(1), 0))
                .hasMessageContaining("pathway.outbox.flag-after-failures");
    }
}
