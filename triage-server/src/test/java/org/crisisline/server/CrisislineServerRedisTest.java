package org.crisisline.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.util.concurrent.TimeUnit;
import org.crisisline.queue.store.redis.RedisQueueStore;
import org.crisisline.server.routing.CallFlowLog;
import org.crisisline.server.testing.QuietPbx;
import org.crisisline.server.testing.SharedRedis;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@DisplayName("the server on Redis")
class CrisislineServerRedisTest {
    private final Vertx vertx = Vertx.vertx();
    private final String prefix = SharedRedis.uniquePrefix("server");

    @AfterEach
    void cleanUp() {
        SharedRedis.deleteKeys(vertx, prefix);
        vertx.close().await();
    }

    @Test
    @Timeout(value = 40, unit = TimeUnit.SECONDS)
    @DisplayName("with store.type redis, a call flows through the Redis store, and /ready shows the store healthy")
    void callFlowsThroughRedis() throws Exception {
        ServerOptions options = redisOptions(SharedRedis.url());
        CrisislineServer server = CrisislineServer.start(vertx, options).await(15, TimeUnit.SECONDS);
        try {
            assertThat(server.store()).isInstanceOf(RedisQueueStore.class);
            server.pbx().placeCall("crisis", "no-danger-keep-waiting").await(5, TimeUnit.SECONDS);
            CallFlowLog flow = server.routing().callFlow();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
            while (flow.completed() < 1 && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(flow.completed()).isEqualTo(1);
            HttpResponse<Buffer> ready = WebClient.create(vertx).get(server.httpPort(), "localhost", "/ready").send()
                    .await(5, TimeUnit.SECONDS);
            assertThat(ready.statusCode()).isEqualTo(200);
            assertThat(ready.bodyAsJsonObject().getJsonObject("store").getBoolean("healthy")).isTrue();
        } finally {
            server.stop().await(5, TimeUnit.SECONDS);
        }
    }

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    @DisplayName("a Redis that cannot be reached at start fails start-up with a message naming store.redis-url")
    void unreachableRedisFailsStart() {
        Throwable failure = catchThrowable(() -> CrisislineServer.start(vertx, redisOptions("redis://127.0.0.1:1"))
                .await(20, TimeUnit.SECONDS));

        assertThat(failure).hasMessageContaining("store.redis-url").hasMessageContaining("redis://127.0.0.1:1");
    }

    private ServerOptions redisOptions(String url) {
        ServerOptions demo = ServerOptions.demo(10);
        return demo.withStore(demo.store().withRedis(url, prefix), SharedRedis.pseudonymKey())
                .withSimulatedPbx(QuietPbx.settings("5s", 0.0));
    }
}
