package org.crisisline.queue.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Emotional load: a decaying, tier-weighted sum of handled time")
class EmotionalLoadModelTest {
    private static final Instant EPOCH = Instant.parse("2026-11-22T00:00:00Z");
    private final EmotionalLoadModel model = new EmotionalLoadModel(Duration.ofHours(2), EPOCH);

    @Test
    @DisplayName("a handled call adds weight x seconds, which halves every half-life")
    void loadHalvesEveryHalfLife() {
        Instant ended = EPOCH.plus(Duration.ofHours(5));
        double score = model.add(0, 3, Duration.ofMinutes(10), ended);

        assertThat(model.valueAt(score, ended)).isCloseTo(1800, within(1e-6));
        assertThat(model.valueAt(score, ended.plus(Duration.ofHours(2)))).isCloseTo(900, within(1e-6));
        assertThat(model.valueAt(score, ended.plus(Duration.ofHours(6)))).isCloseTo(225, within(1e-6));
    }

    @Test
    @DisplayName("scores order operatives by load whatever the time, so the roster needs no clock")
    void scoresOrderLikeLoads() {
        double recentLight = model.add(0, 1, Duration.ofMinutes(10), EPOCH.plus(Duration.ofHours(3)));
        double olderHeavy = model.add(0, 3, Duration.ofMinutes(10), EPOCH.plus(Duration.ofHours(1)));

        for (int h = 3; h < 30; h += 5) {
            Instant at = EPOCH.plus(Duration.ofHours(h));
            assertThat(model.valueAt(olderHeavy, at) > model.valueAt(recentLight, at)).isEqualTo(olderHeavy > recentLight);
        }
    }

    @Test
    @DisplayName("moving the epoch forward keeps every load, long before scores could overflow")
    void rebaseKeepsTheLoad() {
        Instant ended = EPOCH.plus(Duration.ofHours(100));
        double score = model.add(0, 2, Duration.ofMinutes(30), ended);
        Instant later = EPOCH.plus(Duration.ofHours(121));

        assertThat(model.needsRebase(EPOCH.plus(Duration.ofHours(119)))).isFalse();
        assertThat(model.needsRebase(later)).isTrue();
        EmotionalLoadModel newer = model.rebasedTo(later);
        double rebased = model.rebase(score, newer);

        assertThat(newer.valueAt(rebased, later)).isCloseTo(model.valueAt(score, later), within(1e-9));
        assertThat(newer.needsRebase(later)).isFalse();
    }
}
