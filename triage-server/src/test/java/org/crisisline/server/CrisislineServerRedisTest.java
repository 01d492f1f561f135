package org.crisisline.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.crisisline.queue.store.redis.RedisQueueStore;
import org.crisisline.server.routing.CallFlowLog;
import org.crisisline.server.testing.QuietPbx;
import org.crisisline.server.testing.SharedRedis;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

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

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    @DisplayName("when Redis goes away while running, /ready reports the store degraded (503)")
    void lostRedisMakesTheNodeNotReady(@TempDir Path dir) throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Process redis = new ProcessBuilder("redis-server", "--port", Integer.toString(port), "--bind", "127.0.0.1",
                "--dir", dir.toString(), "--save", "", "--appendonly", "no").redirectErrorStream(true)
                .redirectOutput(dir.resolve("redis.log").toFile()).start();
        CrisislineServer server = null;
        try {
            String url = "redis://127.0.0.1:" + port;
            server = startWhenRedisAnswers(redisOptions(url));
            WebClient web = WebClient.create(vertx);
            assertThat(ready(web, server).statusCode()).isEqualTo(200);

            redis.destroyForcibly().waitFor(10, TimeUnit.SECONDS);

            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            HttpResponse<Buffer> ready = ready(web, server);
            while (ready.statusCode() == 200 && System.nanoTime() < deadline) {
                Thread.sleep(100);
                ready = ready(web, server);
            }
            assertThat(ready.statusCode()).isEqualTo(503);
            assertThat(ready.bodyAsJsonObject().getJsonArray("reasons").encode()).contains("queue store");
        } finally {
            redis.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            if (server != null) {
                server.stop().await(10, TimeUnit.SECONDS);
            }
        }
    }

    /** The freshly started redis-server may take a moment to listen. */
    private CrisislineServer startWhenRedisAnswers(ServerOptions options) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (true) {
            try {
                return CrisislineServer.start(vertx, options).await(15, TimeUnit.SECONDS);
            } catch (RuntimeException e) {
                if (System.nanoTime() > deadline) {
                    throw e;
                }
                Thread.sleep(200);
            }
        }
    }

    private static HttpResponse<Buffer> ready(WebClient web, CrisislineServer server) throws Exception {
        return web.get(server.httpPort(), "localhost", "/ready").send().await(5, TimeUnit.SECONDS);
    }

    private ServerOptions redisOptions(String url) {
        ServerOptions demo = ServerOptions.demo(10);
        return demo.withStore(demo.store().withRedis(url, prefix), SharedRedis.pseudonymKey())
                .withSimulatedPbx(QuietPbx.settings("5s", 0.0));
    }
}
