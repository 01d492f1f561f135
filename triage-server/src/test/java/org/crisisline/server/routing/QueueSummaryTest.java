package org.crisisline.server.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.crisisline.server.audit.CallerPseudonym;
import org.crisisline.queue.core.QueueSnapshot;
import org.crisisline.queue.model.Tier;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("the summary line and the pseudonyms")
class QueueSummaryTest {
    @Test
    @DisplayName("the summary names waiting callers per tier and the day's counts")
    void summaryLine() {
        QueueSnapshot snapshot = new QueueSnapshot(Instant.EPOCH, List.of(), List.of(), List.of(),
                Map.of(Tier.IMMEDIATE_RISK, 1, Tier.CRISIS, 4), Map.of(), Map.of());

        assertThat(QueueSummary.of(snapshot, 7, 5, 2))
                .startsWith("waiting t1=1 t2=4 t3=0 check-in=0 | operatives ")
                .endsWith("| answered=7 completed=5 abandoned=2");
    }

    @Test
    @DisplayName("a withheld number gets a pseudonym of its own call; formatting does not change a number's pseudonym")
    void pseudonyms() {
        CallerPseudonyms pseudonyms = new CallerPseudonyms(CallerPseudonym.withKey(
                "a-test-key-0123456789-0123456789".getBytes(StandardCharsets.UTF_8)));

        assertThat(pseudonyms.of("", "1.1").pseudonym()).startsWith("withheld-");
        assertThat(pseudonyms.of("", "1.1")).isNotEqualTo(pseudonyms.of("", "1.2"));
        assertThat(pseudonyms.of("07700 900123", "1.1")).isEqualTo(pseudonyms.of("+44 7700 900123", "1.2"));
    }
}
