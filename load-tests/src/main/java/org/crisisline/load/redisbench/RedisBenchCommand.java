package org.crisisline.load.redisbench;

import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;
import org.crisisline.load.sim.SimulateCommand;
import org.crisisline.load.sim.UsageException;
import org.crisisline.queue.config.QueueConfig;
import org.crisisline.queue.config.QueueConfigReader;
import org.crisisline.queue.store.redis.RedisQueueStore;

/**
 * {@code redis-bench}: for each scenario (one node, two nodes), builds 10,000 callers waiting and 2,000
 * operatives busy in a fresh line group, then runs the enqueue phase and the assign phase (warm-up, then
 * measured), checks that the nodes' replicas agree and that no call was assigned twice, and deletes the
 * group's keys. Prints a table and writes {@code redis-bench.csv}.
 *
 * <p>The queue runs with the shipped defaults except {@code dispatch.recovery-time=false}: with recovery
 * on, ending a tier-1 or tier-2 call puts the operative into minutes of recovery and the end of a call
 * assigns nobody, so there would be no assignment to measure. The tier-1 reserve, staff-load policy and
 * language wait stay on.
 */
public final class RedisBenchCommand {
    static final Map<String, String> SETTINGS = Map.of("dispatch.recovery-time", "false");

    private final PrintStream out;
    private final PrintStream err;

    public RedisBenchCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    /** Runs and returns the exit status: 0, 1 if a check failed or the report could not be written, 2 on bad input. */
    public int run(String[] args) {
        RedisBenchOptions options;
        try {
            options = RedisBenchOptions.parse(args);
        } catch (UsageException e) {
            err.println("error: " + e.getMessage());
            err.println(RedisBenchOptions.USAGE);
            return SimulateCommand.BAD_INPUT;
        }
        QueueConfig config = QueueConfigReader.read(SETTINGS);
        ResultTable table = new ResultTable();
        boolean checksPassed = true;
        out.printf("redis-bench: %s, %d cores for the JVM (Redis on the same machine), Java %s, in-flight %d per node,"
                        + " warm-up %d s + measured %d s per phase, an image every %d entries, queue settings %s%n",
                options.redisUrl(), Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"),
                options.inFlight(), options.warmupSeconds(), options.measureSeconds(), options.snapshotEvery(),
                SETTINGS);
        for (int nodes : options.nodeCounts()) {
            try {
                checksPassed &= new Scenario(nodes, options, config).run(table);
            } catch (RuntimeException e) {
                err.println("error: " + nodes + "-node scenario failed: " + e.getMessage());
                return SimulateCommand.CANNOT_WRITE;
            }
        }
        out.println();
        table.print(out);
        out.println();
        table.printVerdicts(out);
        try {
            out.println("Wrote " + table.write(options.out()));
        } catch (IOException e) {
            err.println("error: cannot write the report: " + e.getMessage());
            return SimulateCommand.CANNOT_WRITE;
        }
        return checksPassed ? 0 : SimulateCommand.CANNOT_WRITE;
    }

    /** One scenario: a fresh line group served by {@code nodeCount} nodes. */
    private final class Scenario {
        private final int nodeCount;
        private final RedisBenchOptions options;
        private final QueueConfig config;
        private final String name;

        Scenario(int nodeCount, RedisBenchOptions options, QueueConfig config) {
            this.nodeCount = nodeCount;
            this.options = options;
            this.config = config;
            this.name = nodeCount == 1 ? "1 node" : nodeCount + " nodes";
        }

        /** Runs it, adds its rows, prints its checks; false if a check failed. */
        boolean run(ResultTable table) {
            try (BenchCluster cluster = BenchCluster.open(options.redisUrl(), nodeCount, config,
                    options.snapshotEvery())) {
                out.printf("%n[%s] Redis %s, key prefix %s%n", name, cluster.redisVersion(),
                        cluster.options().keyPrefix());
                Crowd crowd = new Crowd();
                FloorLedger ledger = new FloorLedger();
                long started = System.nanoTime();
                new FloorBuilder(cluster.nodes().get(0), crowd, ledger, options.inFlight()).build();
                cluster.awaitCaughtUp(Duration.ofSeconds(30));
                out.printf("[%s] built in %.1f s: %d entries, %d calls connected, %d waiting%n", name,
                        (System.nanoTime() - started) / 1e9, cluster.lastAppended(), ledger.connectedCount(),
                        ledger.waitingCount());
                ClosedLoopDriver driver = new ClosedLoopDriver(cluster.nodes(), options.inFlight());
                for (Workload workload : List.of(new EnqueueWorkload(crowd, ledger), new AssignWorkload(crowd, ledger))) {
                    runPhase(cluster, driver, workload, table);
                    cluster.awaitCaughtUp(Duration.ofSeconds(30));
                    out.printf("[%s] after %s: %d calls connected, %d waiting (driver's count)%n", name,
                            workload.name(), ledger.connectedCount(), ledger.waitingCount());
                }
                boolean passed = checks(cluster, ledger);
                cluster.close();
                out.printf("[%s] deleted %d keys%n", name, cluster.deletedKeys());
                return passed;
            }
        }

        private void runPhase(BenchCluster cluster, ClosedLoopDriver driver, Workload workload, ResultTable table) {
            long warmup = Duration.ofSeconds(options.warmupSeconds()).toNanos();
            long measure = Duration.ofSeconds(options.measureSeconds()).toNanos();
            long entriesBefore = cluster.lastAppended();
            long phaseStart = System.nanoTime();
            ClosedLoopDriver.PhaseResult result = driver.run(workload, warmup, measure);
            double phaseSeconds = (System.nanoTime() - phaseStart) / 1e9;
            // The log rate over the whole phase (warm-up included): the nodes' total load on Redis.
            double entriesPerSecond = (cluster.lastAppended() - entriesBefore) / phaseSeconds;
            Histogram total = null;
            long assignments = 0;
            long without = 0;
            long failures = 0;
            double longest = 0;
            for (int i = 0; i < result.nodes().size(); i++) {
                NodeStats node = result.nodes().get(i);
                Histogram histogram = node.histogram();
                double seconds = result.seconds(node);
                table.add(ResultRow.of(name, workload.name(), "node " + (i + 1), histogram, seconds, node.assignments(),
                        node.withoutAssignment(), entriesPerSecond, node.failures()));
                if (node.firstFailure() != null) {
                    out.printf("[%s] %s, node %d: %d failed cycles, first: %s%n", name, workload.name(), i + 1,
                            node.failures(), node.firstFailure());
                }
                if (total == null) {
                    total = histogram;
                } else {
                    total.add(histogram);
                }
                assignments += node.assignments();
                without += node.withoutAssignment();
                failures += node.failures();
                longest = Math.max(longest, seconds);
            }
            if (result.nodes().size() > 1) {
                table.add(ResultRow.of(name, workload.name(), "total", total, longest, assignments, without,
                        entriesPerSecond, failures));
            }
        }

        private boolean checks(BenchCluster cluster, FloorLedger ledger) {
            List<RedisQueueStore> nodes = cluster.nodes();
            ReplicaCheck.Result replicas = ReplicaCheck.check(nodes);
            for (int i = 0; i < replicas.views().size(); i++) {
                ReplicaCheck.View view = replicas.views().get(i);
                out.printf("[%s] node %d replica: %s%n", name, i + 1, view == null ? "still applying"
                        : "applied " + view.sequence() + " entries, " + view.waiting() + " waiting, operatives "
                        + view.operatives() + ", fingerprint " + Integer.toHexString(view.fingerprint()));
            }
            out.printf("[%s] replicas agree: %s; calls assigned: %d, assigned twice: %d; refused driver commands: %d%n",
                    name, nodes.size() == 1 ? "n/a (one node)" : replicas.agree() ? "yes" : "NO",
                    ledger.assignedCount(), ledger.doubleAssignments(), ledger.refusals());
            return replicas.agree() && ledger.doubleAssignments() == 0;
        }
    }
}
