package org.crisisline.queue.store.redis;

import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.crisisline.queue.config.QueueConfig;

/** Waiting for nodes of one line group to settle, and reading what they settled on. */
final class Nodes {
    private Nodes() {
    }

    /** What several nodes (and the log replayed independently) agree on once all applied the whole log. */
    record Settled(List<QueueView> views, LogReplay replay) {
    }

    /**
     * Waits until every node has applied the last entry of the log, reads their views and replays the
     * log; retries if an entry (a tick) was appended meanwhile.
     */
    static Settled settle(Vertx vertx, String redisUrl, RedisQueueStoreOptions options, QueueConfig config,
                          List<RedisQueueStore> stores) throws Exception {
        String sequenceKey = RedisKeys.of(options).sequence();
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (true) {
            long[] last = new long[1];
            Poll.until(Duration.ofSeconds(15), "every node applies the whole log", () -> {
                try {
                    last[0] = Long.parseLong(LogReplay.get(vertx, redisUrl, sequenceKey));
                    for (RedisQueueStore store : stores) {
                        if (await(store.appliedSequence()) != last[0]) {
                            return false;
                        }
                    }
                    return true;
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            List<QueueView> views = new ArrayList<>();
            for (RedisQueueStore store : stores) {
                views.add(QueueView.of(await(store.snapshot(Integer.MAX_VALUE))));
            }
            LogReplay replay = LogReplay.read(vertx, redisUrl, options, config);
            boolean unchanged = replay.lastSequence() == last[0];
            for (RedisQueueStore store : stores) {
                unchanged &= await(store.appliedSequence()) == last[0];
            }
            if (unchanged) {
                return new Settled(views, replay);
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the log kept growing; the nodes never settled");
            }
        }
    }

    static <T> T await(CompletionStage<T> stage) {
        return stage.toCompletableFuture().orTimeout(10, TimeUnit.SECONDS).join();
    }
}
