package org.crisisline.load.sim;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The options of {@code simulate}.
 *
 * @param day         the day file; empty: the reference day shipped with this module
 * @param seeds       how many seeded days to simulate and pool
 * @param out         where the CSV files and the chart go
 * @param protections whether to price each protection (a rota search per protection)
 * @param settings    queue settings for Crisisline over the shipped defaults, in the order given
 */
public record SimulateOptions(Optional<Path> day, int seeds, Path out, boolean protections,
                              Map<String, String> settings) {
    public static final int DEFAULT_SEEDS = 20;
    public static final int MAX_SEEDS = 1000;
    public static final Path DEFAULT_OUT = Path.of("reports");

    public static final String USAGE = String.join(System.lineSeparator(),
            "usage: java -jar crisisline-load-tests.jar [simulate] [--day FILE] [--seeds N] [--out DIR]",
            "                                           [--protections | --no-protections] [--set KEY=VALUE]...",
            "       java -jar crisisline-load-tests.jar bench [JMH options]",
            "       java -jar crisisline-load-tests.jar redis-bench [--nodes 1|2] [--in-flight N] [--seconds S] ...",
            "       java -jar crisisline-load-tests.jar ami-bench [--filter none|manager-conf|both] [--rate CALLS_PER_S]",
            "                                                     [--seconds S] [--warmup S]",
            "       java -jar crisisline-load-tests.jar agi-bench [--sessions 1,8,64] [--offer] [--seconds S] [--warmup S]",
            "",
            "simulate (the default) replays a crisis-line day through Crisisline's dispatcher and a longest-idle",
            "baseline, finds the smallest rota each needs, and writes CSV files and a chart.",
            "  --day FILE         a day file shaped like reference-day.json (default: the built-in reference day)",
            "  --seeds N          simulated days to pool, seeded from the file's seed (default: " + DEFAULT_SEEDS + ")",
            "  --out DIR          where to write the CSV files and simulation.svg (default: reports)",
            "  --protections      price each staff protection in staff-hours (the default)",
            "  --no-protections   skip that, for a quicker run",
            "  --set KEY=VALUE    run Crisisline with this queue setting (a key of queue-defaults.properties,",
            "                     e.g. dispatch.reserve-release-margin=5s); repeat for more. The baseline",
            "                     still dispatches longest-idle with no protections, whatever is set");

    public SimulateOptions {
        settings = Collections.unmodifiableMap(new LinkedHashMap<>(settings));
    }

    /** @throws UsageException naming the option that is wrong */
    public static SimulateOptions parse(String... args) {
        Optional<Path> day = Optional.empty();
        int seeds = DEFAULT_SEEDS;
        Path out = DEFAULT_OUT;
        boolean protections = true;
        Map<String, String> settings = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "--day" -> day = Optional.of(Path.of(valueOf(args, ++i, arg)));
                case "--seeds" -> seeds = seeds(valueOf(args, ++i, arg));
                case "--out" -> out = Path.of(valueOf(args, ++i, arg));
                case "--protections" -> protections = true;
                case "--no-protections" -> protections = false;
                case "--set" -> setting(valueOf(args, ++i, arg), settings);
                default -> throw new UsageException("unknown option '" + arg + "'");
            }
        }
        return new SimulateOptions(day, seeds, out, protections, settings);
    }

    private static void setting(String keyAndValue, Map<String, String> settings) {
        int equals = keyAndValue.indexOf('=');
        if (equals <= 0 || equals == keyAndValue.length() - 1) {
            throw new UsageException("--set takes KEY=VALUE (got '" + keyAndValue + "')");
        }
        settings.put(keyAndValue.substring(0, equals).trim(), keyAndValue.substring(equals + 1).trim());
    }

    private static String valueOf(String[] args, int index, String option) {
        if (index >= args.length || args[index].startsWith("--")) {
            throw new UsageException(option + " needs a value");
        }
        return args[index];
    }

    private static int seeds(String value) {
        try {
            int seeds = Integer.parseInt(value);
            if (seeds >= 1 && seeds <= MAX_SEEDS) {
                return seeds;
            }
        } catch (NumberFormatException e) {
            // Reported below with the accepted range.
        }
        throw new UsageException("--seeds takes a whole number from 1 to " + MAX_SEEDS + " (got '" + value + "')");
    }
}
