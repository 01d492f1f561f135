package org.crisisline.load.redisbench;

import java.util.Locale;
import org.HdrHistogram.Histogram;

/**
 * One line of the report: one phase on one node (or the total over the nodes).
 *
 * @param scenario            "1 node" or "2 nodes"
 * @param phase               "enqueue" or "assign"
 * @param node                "node 1", "node 2" or "total"
 * @param commands            measured commands
 * @param commandsPerSecond   measured commands per second
 * @param assignments         {@code OperativeAssigned} events in the measured outcomes
 * @param withoutAssignment   measured commands whose outcome assigned nobody
 * @param logEntriesPerSecond entries appended to the log per second over the phase (warm-up included), every node
 *                            and follow-up included
 * @param failures            failed cycles over the whole phase
 */
record ResultRow(String scenario, String phase, String node, long commands, double commandsPerSecond,
                 long assignments, double assignmentsPerSecond, long withoutAssignment, double p50Millis,
                 double p90Millis, double p99Millis, double p999Millis, double maxMillis,
                 double logEntriesPerSecond, long failures) {

    static ResultRow of(String scenario, String phase, String node, Histogram micros, double seconds,
                        long assignments, long withoutAssignment, double logEntriesPerSecond, long failures) {
        long commands = micros.getTotalCount();
        return new ResultRow(scenario, phase, node, commands, commands / seconds, assignments, assignments / seconds,
                withoutAssignment, millis(micros, 50), millis(micros, 90), millis(micros, 99), millis(micros, 99.9),
                micros.getMaxValue() / 1_000.0, logEntriesPerSecond, failures);
    }

    private static double millis(Histogram micros, double percentile) {
        return micros.getValueAtPercentile(percentile) / 1_000.0;
    }

    static String csvHeader() {
        return "scenario,phase,node,commands,commands_per_s,assignments,assignments_per_s,without_assignment,"
                + "p50_ms,p90_ms,p99_ms,p99_9_ms,max_ms,log_entries_per_s,failures";
    }

    String csv() {
        return String.format(Locale.ROOT, "%s,%s,%s,%d,%.1f,%d,%.1f,%d,%.3f,%.3f,%.3f,%.3f,%.3f,%.1f,%d",
                scenario, phase, node, commands, commandsPerSecond, assignments, assignmentsPerSecond,
                withoutAssignment, p50Millis, p90Millis, p99Millis, p999Millis, maxMillis, logEntriesPerSecond,
                failures);
    }
}
