package org.crisisline.load.sim.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The simulated clock")
class SimClockTest {
    private final Instant start = Instant.parse("2026-11-22T00:00:00Z");

    @Test
    @DisplayName("moves forward only when told")
    void movesWhenTold() {
        SimClock clock = new SimClock(start);

        clock.advanceTo(start.plusSeconds(5));

        assertThat(clock.instant()).isEqualTo(start.plusSeconds(5));
        assertThat(clock.millis()).isEqualTo(start.plusSeconds(5).toEpochMilli());
    }

    @Test
    @DisplayName("refuses to go back in time")
    void neverGoesBack() {
        SimClock clock = new SimClock(start.plusSeconds(5));

        assertThatThrownBy(() -> clock.advanceTo(start)).isInstanceOf(IllegalStateException.class);
    }
}
