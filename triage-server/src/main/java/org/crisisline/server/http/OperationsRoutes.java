package org.crisisline.server.http;

import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import org.crisisline.queue.store.QueueStore;
import org.crisisline.queue.store.StoreHealth;
import org.crisisline.server.metrics.CrisislineMetrics;
import org.crisisline.telephony.ami.LinkHealth;
import org.crisisline.telephony.event.LinkState;

/**
 * The routes for operations, outside {@code /api} and without a session: {@code GET /health} (liveness:
 * the process answers), {@code GET /ready} (200 when the queue store is healthy and no PBX link is down,
 * else 503; the body says why) and {@code GET /metrics} (Prometheus text; protect it by network policy,
 * it names no caller). Handlers run on the event loop and only read in-memory health.
 */
public final class OperationsRoutes {
    private final QueueStore store;
    private final Supplier<Map<String, LinkHealth>> pbx;
    private final CrisislineMetrics metrics;

    public OperationsRoutes(QueueStore store, Supplier<Map<String, LinkHealth>> pbx, CrisislineMetrics metrics) {
        this.store = Objects.requireNonNull(store, "store");
        this.pbx = Objects.requireNonNull(pbx, "pbx");
        this.metrics = Objects.requireNonNull(metrics, "metrics");
    }

    public void mount(RouteTable routes) {
        routes.open(HttpMethod.GET, "/health", this::health);
        routes.open(HttpMethod.GET, "/ready", this::ready);
        routes.open(HttpMethod.GET, "/metrics", this::metrics);
    }

    private void health(RoutingContext rc) {
        Replies.ok(rc, new JsonObject().put("status", "up"));
    }

    private void ready(RoutingContext rc) {
        JsonArray reasons = new JsonArray();
        StoreHealth storeHealth = store.health();
        if (!storeHealth.healthy()) {
            reasons.add("queue store: " + storeHealth.detail());
        }
        JsonObject links = new JsonObject();
        pbx.get().forEach((name, link) -> {
            links.put(name, PbxJson.of(link));
            if (link.state() == LinkState.DOWN) {
                reasons.add("PBX " + name + ": " + link.detail());
            }
        });
        JsonObject body = new JsonObject()
                .put("ready", reasons.isEmpty())
                .put("reasons", reasons)
                .put("store", new JsonObject().put("healthy", storeHealth.healthy())
                        .put("detail", storeHealth.detail()).put("since", storeHealth.since().toString()))
                .put("pbx", links);
        Replies.json(rc, reasons.isEmpty() ? 200 : 503, body);
    }

    private void metrics(RoutingContext rc) {
        rc.response()
                .putHeader("Content-Type", "text/plain; version=0.0.4; charset=utf-8")
                .putHeader("Cache-Control", "no-store")
                .end(metrics.scrape());
    }
}
