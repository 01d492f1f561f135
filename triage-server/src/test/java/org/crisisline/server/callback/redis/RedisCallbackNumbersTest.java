package org.crisisline.server.callback.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.vertx.core.Vertx;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.crisisline.server.callback.CallbackNumberCipher;
import org.crisisline.server.callback.CallbackNumbers;
import org.crisisline.server.callback.CallbackNumbersContract;
import org.crisisline.server.testing.SharedRedis;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("callback numbers in Redis")
class RedisCallbackNumbersTest extends CallbackNumbersContract {
    private static final Duration TTL = Duration.ofHours(48);
    private final Vertx vertx = Vertx.vertx();
    private final String prefix = SharedRedis.uniquePrefix("callback-numbers");
    private final String pseudonymKey = SharedRedis.pseudonymKey();
    private final RedisCallbackNumbers numbers = open(pseudonymKey);
    private final Redis redis = Redis.createClient(vertx, SharedRedis.url());

    @AfterEach
    void cleanUp() {
        numbers.close();
        redis.close();
        SharedRedis.deleteKeys(vertx, prefix);
        vertx.close().await();
    }

    @Override
    protected CallbackNumbers numbers() {
        return numbers;
    }

    @Test
    @DisplayName("the number is kept encrypted under the deployment's key prefix, with the configured expiry")
    void keptEncryptedWithExpiry() throws Exception {
        await(numbers.keep(CALL, NUMBER));

        String stored = redis(Request.cmd(Command.GET).arg(prefix + ":callback-number:" + CALL.value())).toString();
        long ttl = redis(Request.cmd(Command.TTL).arg(numbers.keyOf(CALL))).toLong();
        assertThat(stored).doesNotContain(NUMBER).doesNotContain("900123");
        assertThat(ttl).isBetween(TTL.toSeconds() - 60, TTL.toSeconds());
    }

    @Test
    @DisplayName("a number for a call due weeks ahead (a check-in) is kept until it is due, and the usual expiry after")
    void keptUntilDue() throws Exception {
        Instant dueAt = Instant.now().plus(Duration.ofDays(20));

        await(numbers.keepUntilDue(CALL, NUMBER, dueAt));

        long ttl = redis(Request.cmd(Command.TTL).arg(numbers.keyOf(CALL))).toLong();
        assertThat(ttl).isBetween(Duration.ofDays(20).plus(TTL).toSeconds() - 60, Duration.ofDays(20).plus(TTL).toSeconds());
        assertThat(await(numbers.find(CALL))).contains(NUMBER);
        await(numbers.keepUntilDue(OTHER, NUMBER, Instant.now().minusSeconds(60)));
        assertThat(redis(Request.cmd(Command.TTL).arg(numbers.keyOf(OTHER))).toLong())
                .as("already due: the usual expiry").isBetween(TTL.toSeconds() - 60, TTL.toSeconds());
    }

    @Test
    @DisplayName("another node with the same pseudonym key reads it; one with another key cannot, nor under another call")
    void sharedByNodesWithTheSameKey() throws Exception {
        await(numbers.keep(CALL, NUMBER));
        RedisCallbackNumbers sameDeployment = open(pseudonymKey);
        RedisCallbackNumbers otherKey = open(SharedRedis.pseudonymKey());
        try {
            assertThat(await(sameDeployment.find(CALL))).contains(NUMBER);
            Throwable foreign = catchThrowable(() -> await(otherKey.find(CALL)));
            assertThat(foreign).hasMessageContaining("does not decrypt").hasMessageNotContaining(NUMBER);

            // A sealed value copied to another call's key is refused (the call id is bound into it).
            Response sealed = redis(Request.cmd(Command.GET).arg(numbers.keyOf(CALL)));
            redis(Request.cmd(Command.SET).arg(numbers.keyOf(OTHER)).arg(sealed.toString()));
            assertThat(catchThrowable(() -> await(sameDeployment.find(OTHER)))).hasMessageContaining("does not decrypt");
        } finally {
            sameDeployment.close();
            otherKey.close();
        }
    }

    private RedisCallbackNumbers open(String key) {
        return RedisCallbackNumbers.create(vertx, SharedRedis.url(), prefix,
                CallbackNumberCipher.derivedFromBase64(key), TTL, Duration.ofSeconds(2));
    }

    private Response redis(Request request) throws Exception {
        return redis.send(request).await(5, TimeUnit.SECONDS);
    }
}
