package org.crisisline.load.agibench;

import java.util.ArrayList;
import java.util.List;
import org.crisisline.load.sim.UsageException;

/**
 * What {@code agi-bench} runs.
 *
 * @param concurrency    the session counts kept going at once, one row each, in order
 * @param offerCallback  whether the queue offers every caller a callback (they take it: virtual hold)
 * @param warmupSeconds  per row, run but not recorded
 * @param measureSeconds per row, recorded
 */
public record AgiBenchOptions(List<Integer> concurrency, boolean offerCallback, int warmupSeconds,
                              int measureSeconds) {
    public static final String USAGE = "usage: agi-bench [--sessions 1,8,64] [--offer] [--seconds S] [--warmup S]";

    public AgiBenchOptions {
        concurrency = List.copyOf(concurrency);
        if (concurrency.isEmpty() || concurrency.stream().anyMatch(k -> k < 1 || k > 400)) {
            throw new UsageException("--sessions takes counts from 1 to 400 (the IVR's pool is 500 threads)");
        }
        if (warmupSeconds < 0 || measureSeconds < 1) {
            throw new UsageException("--seconds must be positive, --warmup not negative");
        }
    }

    /** Parses the arguments after {@code agi-bench}; a bad one is a {@link UsageException}. */
    public static AgiBenchOptions parse(String[] args) {
        List<Integer> sessions = List.of(1, 8, 64);
        boolean offer = false;
        int seconds = 10;
        int warmup = 3;
        for (int i = 0; i < args.length; i++) {
            String name = args[i];
            if (name.equals("--offer")) {
                offer = true;
                continue;
            }
            if (i + 1 >= args.length) {
                throw new UsageException(name + " needs a value");
            }
            String value = args[++i];
            switch (name) {
                case "--sessions" -> {
                    List<Integer> counts = new ArrayList<>();
                    for (String part : value.split(",")) {
                        counts.add(UsageException.wholeNumber(name, part.strip()));
                    }
                    sessions = counts;
                }
                case "--seconds" -> seconds = UsageException.wholeNumber(name, value);
                case "--warmup" -> warmup = UsageException.wholeNumber(name, value);
                default -> throw new UsageException("unknown option '" + name + "'");
            }
        }
        return new AgiBenchOptions(sessions, offer, warmup, seconds);
    }
}
