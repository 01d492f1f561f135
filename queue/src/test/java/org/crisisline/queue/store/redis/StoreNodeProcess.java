package org.crisisline.queue.store.redis;

import io.vertx.core.Vertx;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A queue node in a process of its own, for the tests that run several, or kill one: opens a Redis
 * store and runs a seeded random {@link StoreLoad} on it, printing a line when opened and when done.
 *
 * <p>Arguments: redis-url key-prefix node-name seed steps snapshot-every book-slot(true|false).
 */
public final class StoreNodeProcess {
    private StoreNodeProcess() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 7) {
            System.err.println("usage: redis-url key-prefix node-name seed steps snapshot-every book-slot");
            System.exit(2);
        }
        String name = args[2];
        RedisQueueStoreOptions options = RedisQueueStoreOptions.defaults(args[0]).withKeyPrefix(args[1])
                .withSnapshotEvery(Integer.parseInt(args[5]));
        Vertx vertx = Vertx.vertx();
        int status = 0;
        try {
            RedisQueueStore store = RedisQueueStore.open(vertx, StoreLoad.config(), Clock.systemUTC(), options)
                    .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
            System.out.println("opened " + name);
            StoreLoad load = new StoreLoad(store, name, Long.parseLong(args[3]), new StoreLoad.Known(),
                    Clock.systemUTC());
            if (Boolean.parseBoolean(args[6])) {
                System.out.println("booked " + load.bookFirstSlot());
            }
            int steps = Integer.parseInt(args[4]);
            load.run(steps);
            store.close();
            System.out.println("done " + name + " " + steps);
        } catch (Exception e) {
            e.printStackTrace();
            status = 1;
        } finally {
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        }
        System.exit(status);
    }

    /** Starts a node process with this JVM and class path; its output goes to {@code log}. */
    static Process start(Path log, String redisUrl, String keyPrefix, String name, long seed,
                         int steps, int snapshotEvery, boolean bookSlot) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                StoreNodeProcess.class.getName(), redisUrl, keyPrefix, name, Long.toString(seed),
                Integer.toString(steps), Integer.toString(snapshotEvery), Boolean.toString(bookSlot))
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
    }

    /** Kills every node process a test started and waits for each to be gone. */
    static void killAll(List<Process> processes) throws InterruptedException {
        processes.forEach(Process::destroyForcibly);
        for (Process process : processes) {
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }
}
