package org.crisisline.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.crisisline.queue.model.OperativeId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("the server's options")
class ServerArgsTest {
    @Test
    @DisplayName("the time scale comes from --time-scale, else the environment, else the shipped 10; a bad one names its key")
    void timeScale() {
        assertThat(ServerArgs.options(new String[0], Map.of()).routing().timeScale()).isEqualTo(10.0);
        assertThat(ServerArgs.options(new String[0], Map.of("CRISISLINE_TIME_SCALE", "30")).routing().timeScale())
                .isEqualTo(30.0);
        assertThat(ServerArgs.options(new String[] {"--time-scale", "60"}, Map.of("CRISISLINE_TIME_SCALE", "30"))
                .routing().timeScale()).isEqualTo(60.0);
        assertThatThrownBy(() -> ServerArgs.options(new String[] {"--time-scale", "0"}, Map.of()))
                .hasMessageContaining("time-scale");
        assertThatThrownBy(() -> ServerArgs.options(new String[] {"--help"}, Map.of()))
                .hasMessageContaining("unknown argument");
    }

    @Test
    @DisplayName("a configuration file overrides the shipped defaults; unknown keys and bad values name the key")
    void configurationFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("server.json");
        Files.writeString(file, "{\"routing\": {\"operatives\": [\"lead1:clinical\", \"op9\"],"
                + " \"ready-again-after\": \"never\"}, \"queue\": {\"dispatch.tier-one-reserve\": 0}}");

        ServerOptions options = ServerArgs.options(new String[] {"--config", file.toString()},
                Map.of("CRISISLINE_IVR_PORT", "4573"));

        assertThat(options.routing().operatives()).containsOnlyKeys(OperativeId.of("lead1"), OperativeId.of("op9"));
        assertThat(options.routing().operatives().get(OperativeId.of("lead1")).clinical()).isTrue();
        assertThat(options.routing().readyAgainAfter()).isEmpty();
        assertThat(options.routing().announceEvery()).isEqualTo(Duration.ofMinutes(2));
        assertThat(options.queue()).containsEntry("dispatch.tier-one-reserve", "0");
        assertThat(options.ivrPort()).isEqualTo(4573);
        assertThat(options.simulatedPbx().getJsonArray("operative-endpoints")).containsExactly("lead1", "op9");
        assertThatThrownBy(() -> ServerConfig.read(new JsonObject().put("routing",
                new JsonObject().put("announce-evry", "1m")), Map.of()))
                .hasMessage("routing.announce-evry: unknown key");
        assertThatThrownBy(() -> ServerConfig.read(new JsonObject().put("routing",
                new JsonObject().put("store-timeout", "soon")), Map.of()))
                .hasMessageContaining("routing.store-timeout");
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
