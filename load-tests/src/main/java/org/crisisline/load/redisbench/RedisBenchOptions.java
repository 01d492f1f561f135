package org.crisisline.load.redisbench;

import java.nio.file.Path;
import java.util.List;
import org.crisisline.load.sim.UsageException;
import org.crisisline.queue.store.redis.RedisQueueStoreOptions;

/**
 * What {@code redis-bench} runs.
 *
 * @param nodeCounts      the scenarios, in order: how many nodes share the line group (1, 2, or both)
 * @param inFlight        the most measured commands in flight per node at once (each may add follow-ups)
 * @param warmupSeconds   per phase, run but not recorded
 * @param measureSeconds  per phase, recorded
 * @param snapshotEvery   the store's image interval in log entries (its default unless told: 50,000)
 * @param redisUrl        the Redis the nodes share
 * @param out             the directory the CSV report is written to
 */
public record RedisBenchOptions(List<Integer> nodeCounts, int inFlight, int warmupSeconds, int measureSeconds,
                                int snapshotEvery, String redisUrl, Path out) {
    public static final String USAGE = "usage: redis-bench [--nodes 1|2] [--in-flight N] [--seconds S]"
            + " [--warmup S] [--snapshot-every N] [--redis URL] [--out DIR]";

    public RedisBenchOptions {
        nodeCounts = List.copyOf(nodeCounts);
        if (inFlight < 1 || warmupSeconds < 0 || measureSeconds < 1 || snapshotEvery < 1) {
            throw new UsageException("--in-flight, --seconds and --snapshot-every must be positive, --warmup not negative");
        }
    }

    /** Parses the arguments after {@code redis-bench}; a bad one is a {@link UsageException}. */
    public static RedisBenchOptions parse(String[] args) {
        List<Integer> nodes = List.of(1, 2);
        int inFlight = 64;
        int seconds = 10;
        Integer warmup = null;
        int snapshotEvery = RedisQueueStoreOptions.defaults("redis://unused").snapshotEvery();
        String redis = "redis://127.0.0.1:6379";
        Path out = Path.of("reports");
        for (int i = 0; i < args.length; i++) {
            String name = args[i];
            if (i + 1 >= args.length) {
                throw new UsageException(name + " needs a value");
            }
            String value = args[++i];
            switch (name) {
                case "--nodes" -> {
                    int n = UsageException.wholeNumber(name, value);
                    if (n != 1 && n != 2) {
                        throw new UsageException("--nodes is 1 or 2, not " + value);
                    }
                    nodes = List.of(n);
                }
                case "--in-flight" -> inFlight = UsageException.wholeNumber(name, value);
                case "--seconds" -> seconds = UsageException.wholeNumber(name, value);
                case "--warmup" -> warmup = UsageException.wholeNumber(name, value);
                case "--snapshot-every" -> snapshotEvery = UsageException.wholeNumber(name, value);
                case "--redis" -> redis = value;
                case "--out" -> out = Path.of(value);
                default -> throw new UsageException("unknown option '" + name + "'");
            }
        }
        return new RedisBenchOptions(nodes, inFlight, warmup == null ? Math.max(2, seconds / 2) : warmup, seconds,
                snapshotEvery, redis, out);
    }
}
