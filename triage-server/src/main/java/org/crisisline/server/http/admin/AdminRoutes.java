package org.crisisline.server.http.admin;

import io.vertx.core.Future;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.crisisline.server.audit.Outcome;
import org.crisisline.server.auth.Role;
import org.crisisline.server.http.AuditTrail;
import org.crisisline.server.http.JsonInput;
import org.crisisline.server.http.PbxJson;
import org.crisisline.server.http.Replies;
import org.crisisline.server.http.Requesters;
import org.crisisline.server.http.RouteTable;
import org.crisisline.telephony.ami.LinkHealth;

/**
 * The admin routes: for each section of {@link AdminConfig}, {@code GET /api/admin/<section>} (the items,
 * version, who saved them when) and {@code PUT /api/admin/<section>} with {@code {"version": n, "items":
 * [...]}}: validated in full, applied, then swapped in whole; 409 if someone saved since version {@code n}.
 * Every save and every refused save is audited ({@code config.<section>.replace}). Plus {@code GET
 * /api/admin/pbx}, the PBX links' health. Admins only. Handlers run on the event loop.
 */
public final class AdminRoutes {
    private static final Set<Role> ADMIN = RouteTable.roles(Role.ADMIN);

    private final AdminConfig config;
    private final Supplier<Map<String, LinkHealth>> pbx;
    private final Requesters requesters;
    private final AuditTrail audit;
    private final Clock clock;

    public AdminRoutes(AdminConfig config, Supplier<Map<String, LinkHealth>> pbx, Requesters requesters,
            AuditTrail audit, Clock clock) {
        this.config = Objects.requireNonNull(config, "config");
        this.pbx = Objects.requireNonNull(pbx, "pbx");
        this.requesters = Objects.requireNonNull(requesters, "requesters");
        this.audit = Objects.requireNonNull(audit, "audit");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public void mount(RouteTable routes) {
        for (ConfigRepository<?> repository : config.repositories()) {
            String path = "/api/admin/" + repository.section().name();
            routes.guarded(HttpMethod.GET, path, ADMIN, rc -> read(rc, repository));
            routes.guarded(HttpMethod.PUT, path, ADMIN, rc -> replace(rc, repository));
        }
        routes.guarded(HttpMethod.GET, "/api/admin/pbx", ADMIN, this::pbx);
    }

    private void read(RoutingContext rc, ConfigRepository<?> repository) {
        Replies.ok(rc, describe(repository.section().name(), repository.current()));
    }

    private <T> void replace(RoutingContext rc, ConfigRepository<T> repository) {
        JsonInput body = JsonInput.body(rc, "version", "items");
        long version = body.integer("version", 1, Integer.MAX_VALUE);
        JsonArray items = body.array("items", Items.MAX_ITEMS);
        String action = "config." + repository.section().name() + ".replace";
        requesters.of(rc).compose(who -> {
            T value;
            try {
                value = repository.section().parse(items);
            } catch (RuntimeException refused) {
                return audit.record(who, action, "config", repository.section().name(),
                        Optional.of(refused.getMessage()), Outcome.DENIED).compose(v -> Future.failedFuture(refused));
            }
            return repository.section().apply(value)
                    .map(applied -> repository.replace(version, items, value, clock.instant(), who.username()))
                    .compose(saved -> audit.record(who, action, "config", repository.section().name(),
                            Outcome.SUCCEEDED).map(saved));
        }).onSuccess(saved -> Replies.ok(rc, describe(repository.section().name(), saved))).onFailure(rc::fail);
    }

    private void pbx(RoutingContext rc) {
        JsonArray links = new JsonArray();
        pbx.get().values().forEach(link -> links.add(PbxJson.of(link)));
        Replies.ok(rc, new JsonObject().put("links", links));
    }

    private static JsonObject describe(String section, ConfigRepository.Versioned<?> saved) {
        return new JsonObject()
                .put("section", section)
                .put("version", saved.version())
                .put("savedAt", saved.savedAt().toString())
                .put("savedBy", saved.savedBy())
                .put("items", saved.items());
    }
}
