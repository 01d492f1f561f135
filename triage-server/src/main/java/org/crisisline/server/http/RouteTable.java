package org.crisisline.server.http;

import io.vertx.core.Handler;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.crisisline.server.auth.Role;
import org.crisisline.server.auth.web.Authorize;

/**
 * Mounts routes and remembers them with the roles they admit, so the OpenAPI contract test can compare
 * the router with the document ({@code x-roles}). A route with no roles is public (operations routes,
 * sign-in). Build on one thread before the server starts; read-only afterwards.
 */
public final class RouteTable {
    /** One mounted route; {@code path} uses Vert.x's {@code :param} form. */
    public record Entry(HttpMethod method, String path, Set<Role> roles) {
        public Entry {
            roles = Set.copyOf(roles);
        }

        /** The path in OpenAPI's {@code {param}} form. */
        public String openApiPath() {
            return path.replaceAll(":([A-Za-z]+)", "{$1}");
        }
    }

    private final Router router;
    private final List<Entry> entries = new ArrayList<>();

    public RouteTable(Router router) {
        this.router = router;
    }

    /** A route admitting signed-in requests holding any of {@code roles}. */
    public void guarded(HttpMethod method, String path, Set<Role> roles, Handler<RoutingContext> handler) {
        if (roles.isEmpty()) {
            throw new IllegalArgumentException("a guarded route admits at least one role: " + path);
        }
        Role[] admitted = roles.toArray(Role[]::new);
        router.route(method, path)
                .handler(Authorize.roles(admitted[0], Arrays.copyOfRange(admitted, 1, admitted.length)))
                .handler(handler);
        entries.add(new Entry(method, path, roles));
    }

    /** A route open to anyone (no session needed). */
    public void open(HttpMethod method, String path, Handler<RoutingContext> handler) {
        router.route(method, path).handler(handler);
        entries.add(new Entry(method, path, Set.of()));
    }

    /** Records a route someone else mounted (the sign-in routes of {@code Security}). */
    public void mountedElsewhere(HttpMethod method, String path, Set<Role> roles) {
        entries.add(new Entry(method, path, roles));
    }

    public List<Entry> entries() {
        return Collections.unmodifiableList(entries);
    }

    public static Set<Role> roles(Role first, Role... more) {
        return Set.copyOf(EnumSet.of(first, more));
    }
}
