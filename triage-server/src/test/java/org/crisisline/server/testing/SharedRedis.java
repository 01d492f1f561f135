package org.crisisline.server.testing;

import io.vertx.core.Vertx;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * The tests' Redis (CRISISLINE_TEST_REDIS_URL, or the machine's own on port 6379), shared by every
 * test: each isolates itself under a key prefix of its own and removes its keys when done.
 */
public final class SharedRedis {
    private SharedRedis() {
    }

    public static String url() {
        String url = System.getenv("CRISISLINE_TEST_REDIS_URL");
        return url == null || url.isBlank() ? "redis://127.0.0.1:6379" : url;
    }

    /** A key prefix no other test uses. */
    public static String uniquePrefix(String test) {
        return "test-" + test + "-" + UUID.randomUUID();
    }

    /** A pseudonym key for tests (Base64 of 32 bytes). */
    public static String pseudonymKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }

    /** Removes every key under {@code prefix}. */
    public static void deleteKeys(Vertx vertx, String prefix) {
        Redis redis = Redis.createClient(vertx, url());
        try {
            String cursor = "0";
            do {
                Response page = redis.send(Request.cmd(Command.SCAN).arg(cursor).arg("MATCH").arg(prefix + "*")
                        .arg("COUNT").arg(1000)).await(10, TimeUnit.SECONDS);
                cursor = page.get(0).toString();
                for (Response key : page.get(1)) {
                    redis.send(Request.cmd(Command.DEL).arg(key.toString())).await(10, TimeUnit.SECONDS);
                }
            } while (!"0".equals(cursor));
        } catch (Exception e) {
            throw new IllegalStateException("cannot clean up the test's Redis keys under " + prefix, e);
        } finally {
            redis.close();
        }
    }
}
