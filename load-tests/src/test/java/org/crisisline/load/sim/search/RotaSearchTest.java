package org.crisisline.load.sim.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.crisisline.load.sim.metrics.PooledResult;
import org.crisisline.load.sim.metrics.ReportRow;
import org.crisisline.load.sim.metrics.StaffSummary;
import org.crisisline.load.sim.metrics.TierSummary;
import org.crisisline.load.sim.staff.HourlyRota;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The rota search")
class RotaSearchTest {
    private static final HourlyRota REFERENCE = new HourlyRota(List.of(6, 5, 5, 4, 4, 4, 4, 5, 7, 8, 9, 9, 10, 10, 10,
            10, 11, 11, 12, 13, 14, 14, 12, 8));
    private static final ServiceTargets TARGETS = new ServiceTargets(Duration.ofSeconds(20), 0.05);

    @Test
    @DisplayName("finds the smallest rota that meets the targets when the day's rota is too small")
    void searchesUpwards() {
        List<HourlyRota> asked = new ArrayList<>();

        SmallestRota found = new RotaSearch(REFERENCE, TARGETS, rota -> {
            asked.add(rota);
            return fake(rota, rota.staffHours() >= 250 ? 10 : 60, 0.01);
        }).smallest("fake");

        assertThat(found.found()).isTrue();
        assertThat(found.staffHours()).isGreaterThanOrEqualTo(250);
        assertThat(REFERENCE.scaled(found.factor() - RotaSearch.STEP).staffHours()).isLessThan(250);
        assertThat(asked.size()).isLessThan(20);
    }

    @Test
    @DisplayName("finds the smallest rota when the day's rota already meets the targets")
    void searchesDownwards() {
        SmallestRota found = new RotaSearch(REFERENCE, TARGETS,
                rota -> fake(rota, 10, rota.staffHours() >= 150 ? 0.04 : 0.2)).smallest("fake");

        assertThat(found.found()).isTrue();
        assertThat(found.staffHours()).isGreaterThanOrEqualTo(150);
        assertThat(REFERENCE.scaled(found.factor() - RotaSearch.STEP).staffHours()).isLessThan(150);
    }

    @Test
    @DisplayName("says so when even the largest rota tried does not meet the targets")
    void reportsNotFound() {
        SmallestRota found = new RotaSearch(REFERENCE, TARGETS,
                rota -> fake(rota, Double.POSITIVE_INFINITY, 0.5)).smallest("fake");

        assertThat(found.found()).isFalse();
        assertThat(found.factor()).isEqualTo(4.0);
    }

    @Test
    @DisplayName("counts a target met exactly as met")
    void targetsAreInclusive() {
        assertThat(TARGETS.metBy(fake(REFERENCE, 20.0, 0.05))).isTrue();
        assertThat(TARGETS.metBy(fake(REFERENCE, 20.001, 0.05))).isFalse();
        assertThat(TARGETS.tierOneOnly().metBy(fake(REFERENCE, 20.0, 0.9))).isTrue();
    }

    private static PooledResult fake(HourlyRota rota, double tierOneStrictP90, double abandonedShare) {
        Map<ReportRow, TierSummary> rows = new EnumMap<>(ReportRow.class);
        for (ReportRow row : ReportRow.values()) {
            rows.put(row, new TierSummary(100, 90, 3, 10, 30, tierOneStrictP90, 0.9, 5, abandonedShare, 0, 0, 0, 0));
        }
        return new PooledResult("fake", rota, 1, rows, new StaffSummary(0, 0, 0, 0, 0, 0, 0));
    }
}
