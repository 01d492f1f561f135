package org.crisisline.load.sim;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.crisisline.load.sim.day.DayFileReader;
import org.crisisline.load.sim.day.DaySpec;
import org.crisisline.load.sim.day.InvalidDayFileException;
import org.crisisline.load.sim.report.ConsoleReport;
import org.crisisline.load.sim.report.CsvReport;
import org.crisisline.load.sim.report.SimulationChart;
import org.crisisline.load.sim.search.StaffingStudy;
import org.crisisline.load.sim.search.StudyResult;
import org.crisisline.queue.config.InvalidQueueConfigException;
import org.crisisline.queue.config.QueueConfig;
import org.crisisline.queue.config.QueueConfigReader;

/**
 * {@code simulate}: reads the day, runs the study, prints it and writes the CSV files and chart. Bad
 * input (options, day file, an output directory that cannot be written) ends with a one-line message
 * and a non-zero status, never a stack trace.
 */
public final class SimulateCommand {
    /** Exit status for a bad command line or day file. */
    public static final int BAD_INPUT = 2;
    /** Exit status when the reports cannot be written. */
    public static final int CANNOT_WRITE = 1;

    private final PrintStream out;
    private final PrintStream err;

    public SimulateCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    /** Runs with the given arguments (those after {@code simulate}) and returns the exit status. */
    public int run(String... args) {
        long started = System.nanoTime();
        if (Arrays.asList(args).contains("--help")) {
            out.println(SimulateOptions.USAGE);
            return 0;
        }
        SimulateOptions options;
        try {
            options = SimulateOptions.parse(args);
        } catch (UsageException e) {
            err.println("error: " + e.getMessage());
            err.println(SimulateOptions.USAGE);
            return BAD_INPUT;
        }
        String dayName = options.day().map(path -> String.valueOf(path.getFileName()))
                .orElse("reference-day.json (built in)");
        DaySpec spec;
        try {
            spec = options.day().map(DayFileReader::read).orElseGet(DayFileReader::readReference);
        } catch (InvalidDayFileException e) {
            err.println("error: day file " + options.day().map(Path::toString).orElse(dayName) + ": " + e.getMessage());
            return BAD_INPUT;
        }
        QueueConfig config;
        try {
            config = QueueConfigReader.read(options.settings());
        } catch (InvalidQueueConfigException e) {
            err.println("error: --set: " + e.getMessage());
            return BAD_INPUT;
        }
        if (!options.settings().isEmpty()) {
            out.println("Crisisline with: " + String.join(", ", options.settings().entrySet().stream()
                    .map(e -> e.getKey() + "=" + e.getValue()).toList()));
        }
        StudyResult result = new StaffingStudy(dayName, spec, options.seeds(), config).run(options.protections());
        new ConsoleReport(out).print(result);
        try {
            List<Path> written = write(result, options.out());
            out.println("Wrote " + String.join(", ", written.stream().map(Path::toString).toList()));
        } catch (IOException e) {
            err.println("error: cannot write the reports to " + options.out() + ": " + e);
            return CANNOT_WRITE;
        }
        out.printf(Locale.ROOT, "Ran in %.1f s%n", (System.nanoTime() - started) / 1e9);
        return 0;
    }

    private static List<Path> write(StudyResult result, Path directory) throws IOException {
        Files.createDirectories(directory);
        List<Path> written = new ArrayList<>(CsvReport.write(result, directory));
        written.add(SimulationChart.write(result, directory));
        return written;
    }
}
