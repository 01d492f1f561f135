package org.crisisline.load.sim.metrics;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.crisisline.load.sim.staff.HourlyRota;
import org.crisisline.queue.config.QueueConfig;

/** One strategy on one rota, measured over several simulated days pooled together. Immutable. */
public record PooledResult(String strategy, HourlyRota rota, int days, Map<ReportRow, TierSummary> rows,
                           StaffSummary staff) {

    public PooledResult {
        rows = Collections.unmodifiableMap(new EnumMap<>(rows));
    }

    public static PooledResult of(String strategy, QueueConfig config, HourlyRota rota, List<DayResult> days) {
        List<CallerOutcome> everyone = days.stream().flatMap(d -> d.callers().stream()).toList();
        Map<ReportRow, TierSummary> rows = new EnumMap<>(ReportRow.class);
        for (ReportRow row : ReportRow.values()) {
            rows.put(row, TierSummary.of(everyone.stream().filter(row::includes).toList(),
                    tier -> config.rule(tier).answerTarget()));
        }
        return new PooledResult(strategy, rota, days.size(), rows, StaffSummary.of(days));
    }

    public TierSummary row(ReportRow row) {
        return rows.get(row);
    }

    /** Calls still open when the simulation gave up: must be zero. */
    public int unresolved() {
        return rows.get(ReportRow.ALL_LIVE).unresolved() + rows.get(ReportRow.CHECK_IN).unresolved();
    }
}
