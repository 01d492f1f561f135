package org.crisisline.server.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.crisisline.queue.core.QueueSnapshot;
import org.crisisline.queue.model.Call;
import org.crisisline.queue.model.CallId;
import org.crisisline.queue.model.CallSource;
import org.crisisline.queue.model.CallerRef;
import org.crisisline.queue.model.Language;
import org.crisisline.queue.model.Line;
import org.crisisline.queue.model.Operative;
import org.crisisline.queue.model.OperativeId;
import org.crisisline.queue.model.OperativeState;
import org.crisisline.queue.model.Skills;
import org.crisisline.queue.model.Tier;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class QueueReadingsTest {
    private static final Instant NOW = Instant.parse("2026-11-27T19:00:00Z");

    @Test
    @DisplayName("Callbacks in the queue are due, those past their on-time deadline overdue; operatives are counted by state and load band")
    void readsTheSnapshot() {
        Call live = call("live", Tier.CRISIS);
        Call onTime = call("on-time", Tier.CRISIS).onVirtualHold(NOW.plusSeconds(60));
        Call late = call("late", Tier.SUPPORT).onVirtualHold(NOW.minusSeconds(60));
        Operative calm = Operative.loggedOn(OperativeId.of("calm"), Skills.trained(), NOW);
        Operative tired = Operative.loggedOn(OperativeId.of("tired"), Skills.trained(), NOW);
        Operative away = Operative.loggedOn(OperativeId.of("away"), Skills.trained(), NOW)
                .inState(OperativeState.OFFLINE, NOW);
        QueueSnapshot snapshot = new QueueSnapshot(NOW, List.of(live, onTime, late), List.of(),
                List.of(new QueueSnapshot.OperativeLoad(calm, 100), new QueueSnapshot.OperativeLoad(tired, 20_000),
                        new QueueSnapshot.OperativeLoad(away, 50_000)),
                Map.of(Tier.CRISIS, 2, Tier.SUPPORT, 1), Map.of(Tier.CRISIS, Duration.ofSeconds(40)), Map.of());

        QueueReadings readings = QueueReadings.of(snapshot, LoadBands.defaults());

        assertThat(readings.waiting()).containsEntry(Tier.CRISIS, 2).containsEntry(Tier.IMMEDIATE_RISK, 0);
        assertThat(readings.longestWait()).containsEntry(Tier.CRISIS, Duration.ofSeconds(40))
                .containsEntry(Tier.SUPPORT, Duration.ZERO);
        assertThat(readings.callbacksDue()).isEqualTo(2);
        assertThat(readings.callbacksOverdue()).isEqualTo(1);
        assertThat(readings.operativesByState()).containsEntry(OperativeState.AVAILABLE, 2)
                .containsEntry(OperativeState.OFFLINE, 1).containsEntry(OperativeState.ON_CALL, 0);
        assertThat(readings.operativesByLoadBand()).containsEntry("low", 1).containsEntry("high", 1)
                .containsEntry("medium", 0);
    }

    private static Call call(String id, Tier tier) {
        return Call.live(CallId.of(id), new CallerRef("c_" + id), Line.CRISIS, CallSource.SELF, tier,
                Language.ENGLISH, false, NOW.minusSeconds(30));
    }
}
