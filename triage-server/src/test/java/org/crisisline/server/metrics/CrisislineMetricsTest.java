package org.crisisline.server.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.crisisline.queue.config.QueueConfig;
import org.crisisline.queue.event.QueueEvent;
import org.crisisline.queue.model.CallId;
import org.crisisline.queue.model.OperativeId;
import org.crisisline.queue.model.Tier;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class CrisislineMetricsTest {
    private static final Instant NOW = Instant.parse("2026-11-27T19:00:00Z");

    @Test
    @DisplayName("Answered calls count within or outside the tier's target; abandoned callers, interruptions and alerts are counted")
    void countsEvents() {
        CrisislineMetrics metrics = CrisislineMetrics.create(QueueConfig.defaults());
        OperativeId op = OperativeId.of("op1");
        metrics.recordEvents(List.of(
                new QueueEvent.CallConnected(NOW, CallId.of("a"), op, Tier.IMMEDIATE_RISK, Duration.ofSeconds(12)),
                new QueueEvent.CallConnected(NOW, CallId.of("b"), op, Tier.IMMEDIATE_RISK, Duration.ofSeconds(25)),
                new QueueEvent.CallerAbandoned(NOW, CallId.of("c"), Tier.CRISIS, Duration.ofSeconds(70)),
                new QueueEvent.ClinicalLeadAlerted(NOW, QueueEvent.AlertReason.TIER_ONE_WAITING_PAST_TARGET,
                        Optional.empty(), Optional.empty(), "waiting")));

        String text = metrics.scrape();
        assertThat(text)
                .contains("crisisline_calls_answered_total{tier=\"1\",within_target=\"true\"} 1.0")
                .contains("crisisline_calls_answered_total{tier=\"1\",within_target=\"false\"} 1.0")
                .contains("crisisline_answered_within_target_ratio{tier=\"1\"} 0.5")
                .contains("crisisline_calls_abandoned_total{tier=\"2\"} 1.0")
                .contains("crisisline_lead_alerts_total{reason=\"tier_one_waiting_past_target\"} 1.0");
    }
}
