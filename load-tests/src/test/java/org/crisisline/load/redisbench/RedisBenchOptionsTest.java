package org.crisisline.load.redisbench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.crisisline.load.sim.UsageException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("redis-bench options")
class RedisBenchOptionsTest {
    @Test
    @DisplayName("default to one node then two, 64 in flight, 5 s warm-up and 10 s measured, local Redis")
    void defaults() {
        RedisBenchOptions options = RedisBenchOptions.parse(new String[0]);

        assertThat(options.nodeCounts()).containsExactly(1, 2);
        assertThat(options.inFlight()).isEqualTo(64);
        assertThat(options.warmupSeconds()).isEqualTo(5);
        assertThat(options.measureSeconds()).isEqualTo(10);
        assertThat(options.redisUrl()).isEqualTo("redis://127.0.0.1:6379");
        assertThat(options.out()).isEqualTo(Path.of("reports"));
    }

    @Test
    @DisplayName("take the node count, in-flight, seconds and Redis URL")
    void parses() {
        RedisBenchOptions options = RedisBenchOptions.parse(new String[] {
            "--nodes", "2", "--in-flight", "128", "--seconds", "4", "--redis", "redis://10.0.0.1:6380"});

        assertThat(options.nodeCounts()).isEqualTo(List.of(2));
        assertThat(options.inFlight()).isEqualTo(128);
        assertThat(options.warmupSeconds()).isEqualTo(2);
        assertThat(options.measureSeconds()).isEqualTo(4);
        assertThat(options.redisUrl()).isEqualTo("redis://10.0.0.1:6380");
    }

    @Test
    @DisplayName("refuse three nodes, a missing value and an unknown option")
    void refuses() {
        assertThatThrownBy(() -> RedisBenchOptions.parse(new String[] {"--nodes", "3"}))
                .isInstanceOf(UsageException.class).hasMessageContaining("--nodes is 1 or 2");
        assertThatThrownBy(() -> RedisBenchOptions.parse(new String[] {"--seconds"}))
                .isInstanceOf(UsageException.class).hasMessageContaining("needs a value");
        assertThatThrownBy(() -> RedisBenchOptions.parse(new String[] {"--fast", "1"}))
                .isInstanceOf(UsageException.class).hasMessageContaining("unknown option");
    }
}
