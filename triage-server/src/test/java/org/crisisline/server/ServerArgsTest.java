package org.crisisline.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("the server's options")
class ServerArgsTest {
    @Test
    @DisplayName("the time scale comes from --time-scale, else the environment, else 10; a bad one names its key")
    void timeScale() {
        assertThat(ServerArgs.timeScale(new String[0], Map.of())).isEqualTo(10.0);
        assertThat(ServerArgs.timeScale(new String[0], Map.of("CRISISLINE_TIME_SCALE", "30"))).isEqualTo(30.0);
        assertThat(ServerArgs.timeScale(new String[] {"--time-scale", "60"}, Map.of("CRISISLINE_TIME_SCALE", "30")))
                .isEqualTo(60.0);
        assertThat(ServerArgs.timeScale(new String[] {"--time-scale=2"}, Map.of())).isEqualTo(2.0);
        assertThatThrownBy(() -> ServerArgs.timeScale(new String[] {"--time-scale", "0"}, Map.of()))
                .hasMessageContaining("time-scale");
        assertThatThrownBy(() -> ServerArgs.timeScale(new String[] {"--help"}, Map.of()))
                .hasMessageContaining("unknown argument");
    }

    @Test
    @DisplayName("the demo's simulated PBX keeps its heartbeat fresh at any time scale")
    void demoHeartbeatScalesWithTime() {
        assertThat(ServerOptions.demo(1).simulatedPbx().getString("heartbeat-stale")).isEqualTo("30s");
        assertThat(ServerOptions.demo(60).simulatedPbx().getString("heartbeat-stale")).isEqualTo("900s");
    }

    @Test
    @DisplayName("a scaled clock starts at the base clock's time and runs N times faster")
    void scaledClock() {
        MutableClock base = new MutableClock(Instant.parse("2026-11-29T20:00:00Z"));
        ScaledClock scaled = new ScaledClock(base, 10);

        base.now = base.now.plusSeconds(3);

        assertThat(scaled.instant()).isEqualTo(Instant.parse("2026-11-29T20:00:30Z"));
        assertThatThrownBy(() -> new ScaledClock(base, 0)).hasMessageContaining("time-scale");
    }

    private static final class MutableClock extends Clock {
        Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
