package org.crisisline.load.redisbench;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.crisisline.queue.config.QueueConfig;
import org.crisisline.queue.store.redis.RedisQueueStore;
import org.crisisline.queue.store.redis.RedisQueueStoreOptions;

/**
 * One or more {@link RedisQueueStore} nodes serving the same line group, each on its own Vert.x
 * instance (as separate servers would be), under a fresh key prefix {@code bench-<uuid>}. Closing it
 * closes the nodes and deletes every key under the prefix (SCAN and DEL).
 */
final class BenchCluster implements AutoCloseable {
    private static final long WAIT_SECONDS = 30;

    private final String keyPrefix = "bench-" + UUID.randomUUID();
    private final RedisQueueStoreOptions options;
    private final List<Vertx> vertxes = new ArrayList<>();
    private final List<RedisQueueStore> nodes = new ArrayList<>();
    private final Vertx adminVertx = Vertx.vertx();
    private final Redis admin;
    private long deletedKeys;
    private boolean closed;

    private BenchCluster(String redisUrl, int snapshotEvery) {
        this.options = RedisQueueStoreOptions.defaults(redisUrl).withKeyPrefix(keyPrefix).withSnapshotEvery(snapshotEvery);
        this.admin = Redis.createClient(adminVertx, redisUrl);
    }

    /**
     * Opens {@code count} nodes with the given queue configuration and the store's default options but
     * the image interval; fails if Redis cannot be reached.
     */
    static BenchCluster open(String redisUrl, int count, QueueConfig config, int snapshotEvery) {
        BenchCluster cluster = new BenchCluster(redisUrl, snapshotEvery);
        try {
            for (int i = 0; i < count; i++) {
                Vertx vertx = Vertx.vertx();
                cluster.vertxes.add(vertx);
                cluster.nodes.add(await(RedisQueueStore.open(vertx, config, Clock.systemUTC(), cluster.options)));
            }
            return cluster;
        } catch (RuntimeException e) {
            cluster.close();
            throw e;
        }
    }

    List<RedisQueueStore> nodes() {
        return nodes;
    }

    RedisQueueStoreOptions options() {
        return options;
    }

    /** The last sequence number appended to the group's log (every node applies up to it). */
    long lastAppended() {
        Response seq = await(admin.send(Request.cmd(Command.GET).arg(keyPrefix + ":{" + options.lineGroup() + "}:seq")));
        return seq == null ? 0 : seq.toLong();
    }

    /** The Redis server's version, from INFO. */
    String redisVersion() {
        String info = await(admin.send(Request.cmd(Command.INFO).arg("server"))).toString();
        return info.lines().filter(line -> line.startsWith("redis_version:")).map(line -> line.substring(14).trim())
                .findFirst().orElse("unknown");
    }

    /** Waits until every node has applied the whole log as it is now. */
    void awaitCaughtUp(Duration limit) {
        long target = lastAppended();
        long deadline = System.nanoTime() + limit.toNanos();
        for (RedisQueueStore node : nodes) {
            while (node.appliedSequence().toCompletableFuture().join() < target) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("a node did not apply the log up to " + target + " within " + limit);
                }
                sleep(5);
            }
        }
    }

    /** How many keys {@link #close()} deleted (0 before it ran). */
    long deletedKeys() {
        return deletedKeys;
    }

    /** Closes the nodes and deletes every key under the benchmark's prefix. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        nodes.forEach(RedisQueueStore::close);
        sleep(200);
        try {
            deletedKeys = deleteKeys();
        } finally {
            vertxes.forEach(vertx -> await(vertx.close()));
            await(adminVertx.close());
        }
    }

    private long deleteKeys() {
        long deleted = 0;
        String cursor = "0";
        do {
            Response page = await(admin.send(Request.cmd(Command.SCAN).arg(cursor).arg("MATCH").arg(keyPrefix + ":*")
                    .arg("COUNT").arg(1000)));
            cursor = page.get(0).toString();
            Request del = Request.cmd(Command.DEL);
            int keys = 0;
            for (Response key : page.get(1)) {
                del.arg(key.toString());
                keys++;
            }
            if (keys > 0) {
                deleted += await(admin.send(del)).toLong();
            }
        } while (!"0".equals(cursor));
        return deleted;
    }

    private static <T> T await(Future<T> future) {
        try {
            return future.toCompletionStage().toCompletableFuture().get(WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (Exception e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
