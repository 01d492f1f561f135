package org.crisisline.load.agibench;

import io.vertx.core.Vertx;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;
import org.crisisline.load.sim.SimulateCommand;
import org.crisisline.load.sim.UsageException;
import org.crisisline.telephony.agi.IvrQueue;
import org.crisisline.telephony.agi.IvrServer;
import org.crisisline.telephony.agi.IvrServerOptions;

/**
 * {@code agi-bench}: the real {@link IvrServer} on loopback (asterisk-java's FastAGI server, shipped
 * options but port 0), asking a {@link QueueResponder} over the event bus, and a closed loop of K
 * driver threads, each running one {@link AgiCaller} session after another. A session is timed from
 * the connect to the server closing the socket; warm-up sessions are run and not recorded. Prints a
 * row per K: sessions/s, AGI commands/s, latency, and how the calls were routed (every one should get
 * {@code hold}, or {@code callback} with {@code --offer}; {@code queue} means the IVR fell back).
 */
public final class AgiBenchCommand {
    private final PrintStream out;
    private final PrintStream err;

    public AgiBenchCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    /** One row. */
    record Row(int sessions, long completed, long commands, long failed, double seconds, Histogram latency,
               Map<String, Long> routes, double loadAverage) {
        double sessionsPerSecond() {
            return completed / seconds;
        }

        double commandsPerSecond() {
            return commands / seconds;
        }

        double millis(double percentile) {
            return latency.getTotalCount() == 0 ? Double.NaN : latency.getValueAtPercentile(percentile) / 1e6;
        }
    }

    /** Runs and returns the exit status: 0, 1 if a run failed, 2 on bad input. */
    public int run(String[] args) {
        AgiBenchOptions options;
        try {
            options = AgiBenchOptions.parse(args);
        } catch (UsageException e) {
            err.println("error: " + e.getMessage());
            err.println(AgiBenchOptions.USAGE);
            return SimulateCommand.BAD_INPUT;
        }
        out.printf(Locale.ROOT, "agi-bench: %d cores, Java %s; IVR with %s; warm-up %d s + measured %d s per row%n",
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"),
                options.offerCallback() ? "a callback offered to every caller (they take virtual hold)"
                        : "no callback offer", options.warmupSeconds(), options.measureSeconds());
        List<Row> rows = new ArrayList<>();
        Vertx vertx = Vertx.vertx();
        try {
            QueueResponder queue = new QueueResponder(vertx, options.offerCallback());
            await(queue.start());
            IvrServerOptions serverOptions = IvrServerOptions.defaults().withPort(0);
            IvrServer server = IvrServer.create(vertx, serverOptions,
                    IvrQueue.overEventBus(vertx, serverOptions.ivr().queueTimeout()), Clock.systemUTC());
            int port = await(server.start());
            AgiCaller.Recorded recorded = AgiCaller.Recorded.load();
            for (int k : options.concurrency()) {
                Row row = runRow(recorded, port, k, options);
                out.printf(Locale.ROOT, "[%d sessions] %d sessions, %d failed%n", k, row.completed(), row.failed());
                rows.add(row);
            }
            await(server.stop());
            out.printf("queue: %d callers registered (%d in danger), %d callbacks booked, %d departures%n",
                    queue.registered.sum(), queue.inDanger.sum(), queue.booked.sum(), queue.left.sum());
        } catch (Exception e) {
            err.println("error: agi-bench failed: " + e);
            return SimulateCommand.CANNOT_WRITE;
        } finally {
            vertx.close();
        }
        out.println();
        print(rows);
        return 0;
    }

    static Row runRow(AgiCaller.Recorded recorded, int port, int k, AgiBenchOptions options)
            throws InterruptedException {
        long start = System.nanoTime();
        long measureFrom = start + TimeUnit.SECONDS.toNanos(options.warmupSeconds());
        long end = measureFrom + TimeUnit.SECONDS.toNanos(options.measureSeconds());
        Recorder latency = new Recorder(3);
        LongAdder completed = new LongAdder();
        LongAdder commands = new LongAdder();
        LongAdder failed = new LongAdder();
        Map<String, LongAdder> routes = new ConcurrentHashMap<>();
        AtomicLong numbers = new AtomicLong((long) k << 32);
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < k; i++) {
            Thread thread = new Thread(() -> {
                AgiCaller caller = new AgiCaller(recorded, port);
                long now;
                while ((now = System.nanoTime()) < end) {
                    try {
                        AgiCaller.Session session = caller.call(numbers.incrementAndGet());
                        long done = System.nanoTime();
                        if (now >= measureFrom && done <= end) {
                            latency.recordValue(done - now);
                            completed.increment();
                            commands.add(session.commands());
                            routes.computeIfAbsent(String.valueOf(session.route()), r -> new LongAdder()).increment();
                        }
                    } catch (Exception e) {
                        if (now >= measureFrom) {
                            failed.increment();
                        }
                    }
                }
            }, "agi-bench-" + i);
            thread.setDaemon(true);
            threads.add(thread);
            thread.start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        Histogram histogram = latency.getIntervalHistogram();
        Map<String, Long> counted = new TreeMap<>();
        routes.forEach((route, n) -> counted.put(route, n.sum()));
        return new Row(k, completed.sum(), commands.sum(), failed.sum(), options.measureSeconds(), histogram, counted,
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    private void print(List<Row> rows) {
        out.printf(Locale.ROOT, "%8s %9s %10s %11s %8s %8s %8s %9s %6s %6s  %s%n", "sessions", "completed",
                "sessions/s", "commands/s", "cmd/call", "p50 ms", "p99 ms", "max ms", "failed", "load", "routes");
        for (Row r : rows) {
            out.printf(Locale.ROOT, "%8d %9d %10.0f %11.0f %8.1f %8.2f %8.2f %9.2f %6d %6.2f  %s%n", r.sessions(),
                    r.completed(), r.sessionsPerSecond(), r.commandsPerSecond(),
                    r.completed() == 0 ? 0 : (double) r.commands() / r.completed(), r.millis(50), r.millis(99),
                    r.millis(100), r.failed(), r.loadAverage(), r.routes());
        }
        out.println("A session: connect, environment, every AGI command answered at once, the server closing the"
                + " socket; closed loop, K sessions at a time. routes: TRIAGE_ROUTE as set by the IVR"
                + " (queue = it fell back to Asterisk's queue). load: 1-minute load average at the end of the row.");
    }

    private static <T> T await(io.vertx.core.Future<T> future) throws Exception {
        return future.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }
}
