package org.crisisline.server.redis;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * The test Redis at 127.0.0.1:6379, seen by one test under a key prefix of its own (so tests running at once
 * never meet): as many clients as the test has nodes, and a clean-up that deletes every key under the prefix.
 */
public final class LocalRedis {
    private static final String URL = "redis://127.0.0.1:6379/0";
    private final Vertx vertx = Vertx.vertx();
    private final String prefix;
    private final List<Redis> clients = new ArrayList<>();

    public LocalRedis(String what) {
        this.prefix = "test-" + what + "-" + UUID.randomUUID();
    }

    public String prefix() {
        return prefix;
    }

    /** A client of its own, as another server node would have; closed by {@link #close()}. */
    public Redis newClient() {
        Redis client = Redis.createClient(vertx, URL);
        clients.add(client);
        return client;
    }

    /** One command, for a test to look at what a store wrote. */
    public Response send(Request request) throws Exception {
        return await(clients.isEmpty() ? newClient().send(request) : clients.get(0).send(request));
    }

    /** Deletes the prefix's keys and closes every client. */
    public void close() throws Exception {
        for (Response key : send(Request.cmd(Command.KEYS).arg(prefix + ":*"))) {
            send(Request.cmd(Command.DEL).arg(key.toString()));
        }
        clients.forEach(Redis::close);
        await(vertx.close());
    }

    private static <T> T await(Future<T> future) throws Exception {
        return future.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }
}
