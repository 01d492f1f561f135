package org.crisisline.server.pathway.referral;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.crisisline.server.pathway.PathwayConfigException;
import org.crisisline.server.pathway.config.PathwaySettingsReader;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Referral settings fail naming the key")
class ReferralConfigTest {
    private final ReferralConfig defaults = PathwaySettingsReader.defaults().referral();

    @Test
    @DisplayName("a missing or non-positive response time names its urgency")
    void respondWithin() {
        Map<Urgency, Duration> missing = new HashMap<>(defaults.respondWithin());
        missing.remove(Urgency.URGENT);
        Map<Urgency, Duration> negative = new HashMap<>(defaults.respondWithin());
        negative.put(Urgency.ROUTINE, Duration.ofDays(-1));

        assertThatThrownBy(() -> new ReferralConfig(missing, defaults.chaseAfter(), List.of()))
                .isInstanceOf(PathwayConfigException.class)
                .hasMessageContaining("pathway.referral.respond-within.urgent").hasMessageContaining("missing");
        assertThatThrownBy(() -> new ReferralConfig(negative, defaults.chaseAfter(), List.of()))
                .hasMessageContaining("pathway.referral.respond-within.routine");
    }

    @Test
    @DisplayName("a chase after the deadline is refused")
    void chaseBeforeDeadline() {
        Map<Urgency, Duration> late = new HashMap<>(defaults.chaseAfter());
        late.put(Urgency.EMERGENCY, Duration.ofHours(4));

        assertThatThrownBy(() -> new ReferralConfig(defaults.respondWithin(), late, List.of()))
                .hasMessageContaining("pathway.referral.chase-after.emergency");
    }

    @Test
    @DisplayName("an empty protected term is refused")
    void emptyTerm() {
        assertThatThrownBy(() -> new ReferralConfig(defaults.respondWithin(), defaults.chaseAfter(), List.of(" ")))
                .hasMessageContaining("pathway.referral.protected-terms");
    }
}
