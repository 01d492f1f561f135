package org.crisisline.queue.store.redis;

import io.vertx.core.Vertx;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import java.util.concurrent.TimeUnit;

/** Where the tests' shared Redis is: CRISISLINE_TEST_REDIS_URL, or the machine's own on port 6379. */
final class TestRedis {
    private TestRedis() {
    }

    static String url() {
        String url = System.getenv("CRISISLINE_TEST_REDIS_URL");
        return url == null || url.isBlank() ? "redis://127.0.0.1:6379" : url;
    }

    /** Removes every key a test made under its prefix, so the shared Redis stays clean. */
    static void deleteKeys(Vertx vertx, String prefix) throws Exception {
        Redis redis = Redis.createClient(vertx, url());
        try {
            String cursor = "0";
            do {
                Response page = redis.send(Request.cmd(Command.SCAN).arg(cursor).arg("MATCH").arg(prefix + ":*")
                        .arg("COUNT").arg(1000)).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
                cursor = page.get(0).toString();
                for (Response key : page.get(1)) {
                    redis.send(Request.cmd(Command.DEL).arg(key.toString()))
                            .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
                }
            } while (!"0".equals(cursor));
        } finally {
            redis.close();
        }
    }
}
