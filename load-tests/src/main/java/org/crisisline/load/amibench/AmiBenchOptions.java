package org.crisisline.load.amibench;

import java.util.List;
import org.crisisline.load.sim.UsageException;

/**
 * What {@code ami-bench} runs.
 *
 * @param filters        the server-side filters, in order: {@code none} (every event, as the captures'
 *                       {@code read = all} user gets them) and/or {@code manager-conf} (the shipped one)
 * @param callsPerSecond the offered rate; 0 writes as fast as the socket takes the bytes
 * @param warmupSeconds  streamed first and not measured (JIT warm-up), per filter
 * @param measureSeconds streamed and measured, per filter
 */
public record AmiBenchOptions(List<String> filters, double callsPerSecond, int warmupSeconds, int measureSeconds) {
    public static final String NONE = "none";
    public static final String MANAGER_CONF = "manager-conf";
    public static final String USAGE = "usage: ami-bench [--filter none|manager-conf|both] [--rate CALLS_PER_S]"
            + " [--seconds S] [--warmup S]";

    public AmiBenchOptions {
        filters = List.copyOf(filters);
        if (callsPerSecond < 0 || warmupSeconds < 0 || measureSeconds < 1) {
            throw new UsageException("--seconds must be positive, --rate and --warmup not negative");
        }
    }

    /** Parses the arguments after {@code ami-bench}; a bad one is a {@link UsageException}. */
    public static AmiBenchOptions parse(String[] args) {
        List<String> filters = List.of(NONE, MANAGER_CONF);
        double rate = 0;
        int seconds = 10;
        int warmup = 3;
        for (int i = 0; i < args.length; i++) {
            String name = args[i];
            if (i + 1 >= args.length) {
                throw new UsageException(name + " needs a value");
            }
            String value = args[++i];
            switch (name) {
                case "--filter" -> filters = switch (value) {
                    case NONE, MANAGER_CONF -> List.of(value);
                    case "both" -> List.of(NONE, MANAGER_CONF);
                    default -> throw new UsageException("--filter is none, manager-conf or both, not '" + value + "'");
                };
                case "--rate" -> rate = UsageException.decimal(name, value);
                case "--seconds" -> seconds = UsageException.wholeNumber(name, value);
                case "--warmup" -> warmup = UsageException.wholeNumber(name, value);
                default -> throw new UsageException("unknown option '" + name + "'");
            }
        }
        return new AmiBenchOptions(filters, rate, warmup, seconds);
    }
}
