package org.crisisline.load.redisbench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The report: printed as a table, written as CSV. */
final class ResultTable {
    static final String FILE = "redis-bench.csv";
    /** The targets, per node, on loopback. */
    static final double TARGET_P99_ASSIGN_MILLIS = 2.0;
    static final double TARGET_ASSIGNMENTS_PER_SECOND = 5_000;

    private final List<ResultRow> rows = new ArrayList<>();

    void add(ResultRow row) {
        rows.add(row);
    }

    void print(PrintStream out) {
        out.printf(Locale.ROOT, "%-8s %-8s %-7s %8s %9s %9s %7s %8s %8s %8s %8s %9s %9s %5s%n", "scenario", "phase",
                "node", "commands", "cmd/s", "assign/s", "no-asg", "p50 ms", "p90 ms", "p99 ms", "p99.9 ms", "max ms",
                "log ent/s", "fail");
        for (ResultRow r : rows) {
            out.printf(Locale.ROOT, "%-8s %-8s %-7s %8d %9.0f %9.0f %7d %8.3f %8.3f %8.3f %8.3f %9.3f %9.0f %5d%n",
                    r.scenario(), r.phase(), r.node(), r.commands(), r.commandsPerSecond(), r.assignmentsPerSecond(),
                    r.withoutAssignment(), r.p50Millis(), r.p90Millis(), r.p99Millis(), r.p999Millis(), r.maxMillis(),
                    r.logEntriesPerSecond(), r.failures());
        }
        out.println("Latency: execute() to outcome of the measured command (enqueue: Enqueue; assign: EndCall of a"
                + " connected call), closed loop. no-asg: measured commands whose outcome assigned nobody (the tier-1"
                + " reserve kept the freed operative). log ent/s: entries appended per second over the phase, every"
                + " node and follow-up included (an assign cycle appends EndCall, MarkConnected and a replacement"
                + " Enqueue; an enqueue cycle appends Enqueue and an abandoning EndCall). fail: failed cycles.");
    }

    /** One line per node's assign phase: does it meet p99 <= 2 ms and >= 5,000 assignments/s? */
    void printVerdicts(PrintStream out) {
        for (ResultRow r : rows) {
            if (!"assign".equals(r.phase()) || "total".equals(r.node())) {
                continue;
            }
            boolean latency = r.p99Millis() <= TARGET_P99_ASSIGN_MILLIS;
            boolean rate = r.assignmentsPerSecond() >= TARGET_ASSIGNMENTS_PER_SECOND;
            out.printf(Locale.ROOT, "Target %s, %s: p99 assign %.3f ms (<= 2 ms: %s), %.0f assignments/s "
                            + "(>= 5,000: %s)%n", r.scenario(), r.node(), r.p99Millis(), latency ? "met" : "NOT met",
                    r.assignmentsPerSecond(), rate ? "met" : "NOT met");
        }
    }

    /** Writes the CSV into {@code dir}, creating it; returns the file. */
    Path write(Path dir) throws IOException {
        Files.createDirectories(dir);
        List<String> lines = new ArrayList<>();
        lines.add(ResultRow.csvHeader());
        rows.forEach(r -> lines.add(r.csv()));
        Path file = dir.resolve(FILE);
        Files.write(file, lines);
        return file;
    }
}
