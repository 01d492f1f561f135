package org.crisisline.load.amibench;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.crisisline.telephony.sim.ManagerEventFilter;
import org.crisisline.load.sim.SimulateCommand;
import org.crisisline.load.sim.UsageException;

/**
 * {@code ami-bench}: for each filter (none, the shipped manager.conf), a fresh blasting server and a
 * fresh adapter, a warm-up and a measured blast ({@link AmiBenchRun}); prints a table and the target
 * line. The server, the adapter and the consumer share the machine's cores in one JVM.
 */
public final class AmiBenchCommand {
    private final PrintStream out;
    private final PrintStream err;

    public AmiBenchCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    /** Runs and returns the exit status: 0, 1 if a run failed, 2 on bad input. */
    public int run(String[] args) {
        AmiBenchOptions options;
        try {
            options = AmiBenchOptions.parse(args);
        } catch (UsageException e) {
            err.println("error: " + e.getMessage());
            err.println(AmiBenchOptions.USAGE);
            return SimulateCommand.BAD_INPUT;
        }
        RecordedAmi recorded = RecordedAmi.load();
        out.printf(Locale.ROOT, "ami-bench: %d cores, Java %s; the call of %s (%d AMI events) repeated, %s;"
                        + " warm-up %d s + measured %d s per filter%n", Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"), RecordedAmi.CALL_CAPTURE, recorded.call().size(),
                options.callsPerSecond() > 0 ? String.format(Locale.ROOT, "%.0f calls/s offered",
                        options.callsPerSecond()) : "as fast as the socket takes it",
                options.warmupSeconds(), options.measureSeconds());
        List<AmiResult> rows = new ArrayList<>();
        for (String name : options.filters()) {
            ManagerEventFilter filter = name.equals(AmiBenchOptions.NONE) ? ManagerEventFilter.NONE : ManagerEventFilter.shipped();
            try {
                AmiResult row = new AmiBenchRun(recorded, filter, name, options.callsPerSecond())
                        .run(Duration.ofSeconds(options.warmupSeconds()), Duration.ofSeconds(options.measureSeconds()));
                out.printf(Locale.ROOT, "[%s] %d calls in %.1f s%n", name, row.calls(), row.seconds());
                rows.add(row);
            } catch (Exception e) {
                err.println("error: the " + name + " run failed: " + e);
                return SimulateCommand.CANNOT_WRITE;
            }
        }
        out.println();
        AmiResult.print(out, rows);
        out.println();
        AmiResult.printVerdicts(out, rows); // a missed target is a result, not a failure
        return 0;
    }
}
