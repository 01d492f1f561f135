package org.crisisline.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.crisisline.queue.command.QueueCommand;
import org.crisisline.queue.model.CallId;
import org.crisisline.server.auth.web.Browser;
import org.crisisline.server.metrics.LoadBands;
import org.crisisline.server.metrics.QueueGauges;
import org.crisisline.telephony.event.LinkState;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
class OperationsTest {
    private static final Path DASHBOARD = Path.of("grafana/crisisline-dashboard.json");

    private ApiServer server;
    private Browser anonymous;
    private QueueGauges gauges;

    @BeforeEach
    void start(Vertx vertx) throws Exception {
        server = ApiServer.start(vertx);
        anonymous = server.anonymous();
        gauges = new QueueGauges(vertx, server.queue, now -> server.referrals, () -> server.links, server.clock,
                LoadBands.defaults(), Duration.ofSeconds(5), server.metrics);
        ApiServer.await(gauges.poll());
    }

    @Test
    @DisplayName("/health answers without a session; /ready is 200 while the store and PBX are up, 503 saying why when a link is down")
    void healthAndReady() throws Exception {
        assertThat(anonymous.get("/health").statusCode()).isEqualTo(200);
        assertThat(anonymous.get("/ready").statusCode()).isEqualTo(200);

        server.pbx(LinkState.DOWN, "connection refused");
        HttpResponse<Buffer> notReady = anonymous.get("/ready");
        assertThat(notReady.statusCode()).isEqualTo(503);
        JsonObject body = notReady.bodyAsJsonObject();
        assertThat(body.getBoolean("ready")).isFalse();
        assertThat(body.getJsonArray("reasons").getString(0)).contains("pbx-a").contains("connection refused");

        server.pbx(LinkState.UP, "ok");
        server.queue.close();
        HttpResponse<Buffer> storeDown = anonymous.get("/ready");
        assertThat(storeDown.statusCode()).isEqualTo(503);
        assertThat(storeDown.bodyAsJsonObject().getJsonArray("reasons").getString(0)).contains("queue store");
    }

    @Test
    @DisplayName("/metrics has the queue gauges and the call counters, with tiers and states as tags and no caller anywhere")
    void metrics() throws Exception {
        server.clock.advance(Duration.ofSeconds(30));
        server.execute(new QueueCommand.EndCall(CallId.of("call-2")));
        ApiServer.await(gauges.poll());
        String text = anonymous.get("/metrics").bodyAsString();
        assertThat(text).contains("crisisline_callers_waiting{tier=\"3\"} 0.0")
                .contains("crisisline_calls_answered_total{tier=\"2\",within_target=\"true\"} 1.0")
                .contains("crisisline_calls_abandoned_total{tier=\"3\"} 1.0")
                .contains("crisisline_operatives{state=\"on_call\"} 1.0")
                .contains("crisisline_ami_link_state{pbx=\"pbx-a\",state=\"UP\"} 1.0")
                .contains("crisisline_referrals_awaiting_acknowledgement 0.0")
                .doesNotContain("c_caller").doesNotContain("call-1");
    }

    @Test
    @DisplayName("Every metric the Grafana dashboard queries is in /metrics")
    void dashboardQueriesExist() throws Exception {
        String dashboard = Files.readString(DASHBOARD);
        Set<String> queried = new TreeSet<>();
        Matcher names = Pattern.compile("crisisline_[a-z_]+").matcher(dashboard);
        while (names.find()) {
            queried.add(names.group());
        }
        assertThat(queried).hasSizeGreaterThan(10);
        String exposed = anonymous.get("/metrics").bodyAsString();
        for (String name : queried) {
            assertThat(Pattern.compile("(?m)^" + name + "[{ ]").matcher(exposed).find()).as(name).isTrue();
        }
    }
}
