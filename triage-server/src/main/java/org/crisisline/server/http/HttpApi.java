package org.crisisline.server.http;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import java.util.List;
import java.util.Set;
import org.crisisline.server.auth.Role;
import org.crisisline.server.auth.web.ApiError;
import org.crisisline.server.http.admin.AdminRoutes;
import org.crisisline.server.http.lead.CallbackRoutes;
import org.crisisline.server.http.lead.LeadRoutes;
import org.crisisline.server.http.lead.QueueBoard;
import org.crisisline.server.http.lead.QueueStream;
import org.crisisline.server.http.lead.ReferralRoutes;
import org.crisisline.server.http.operative.CallRoutes;
import org.crisisline.server.http.operative.DirectoryRoutes;
import org.crisisline.server.http.operative.HandoverRoutes;
import org.crisisline.server.http.operative.HistoryRoutes;
import org.crisisline.server.http.operative.OperativeRoutes;
import org.crisisline.server.http.partner.PartnerRoutes;
import org.crisisline.server.http.operative.SoftphoneRoutes;

/**
 * Builds the server's router from {@link ApiDependencies}: security first ({@code Security.mount}: body
 * limit, session cookies, CSRF guard, JSON failure handler, sign-in routes), then the OpenAPI document, the
 * operatives', leads' and admins' routes, the referral routes (leads' and, on {@code /partner}, the teams'
 * with their own bearer tokens), the operations routes, and a JSON 404 for any other {@code /api}
 * path. {@link #routes()} lists every route with the roles it admits. Build on the verticle's event loop;
 * the router then serves requests on it and never blocks.
 *
 * <pre>{@code
 * HttpApi api = HttpApi.create(vertx, dependencies);
 * vertx.createHttpServer().requestHandler(api.router()).listen(8080);
 * }</pre>
 */
public final class HttpApi {
    private final Router router;
    private final RouteTable routes;

    private HttpApi(Router router, RouteTable routes) {
        this.router = router;
        this.routes = routes;
    }

    public static HttpApi create(Vertx vertx, ApiDependencies deps) {
        Router router = Router.router(vertx);
        RouteTable routes = new RouteTable(router);
        deps.security().mount(router);
        routes.mountedElsewhere(HttpMethod.POST, "/api/login", Set.of());
        routes.mountedElsewhere(HttpMethod.POST, "/api/logout", Set.of(Role.values()));
        routes.mountedElsewhere(HttpMethod.GET, "/api/me", Set.of(Role.values()));

        QueueAccess queue = new QueueAccess(vertx, deps.queue(), deps.metrics(), deps.callbackNumbers());
        AuditTrail audit = new AuditTrail(deps.audit(), deps.clock());
        Decisions decisions = new Decisions(queue, audit);
        Requesters requesters = new Requesters(deps.accounts());
        QueueBoard board = new QueueBoard(queue, deps.queueConfig(), deps.bands(), deps.referrals(), deps.pbx(),
                deps.signposts());

        new OpenApiRoute().mount(routes);
        new OperativeRoutes(queue, decisions, requesters, audit, deps.config(), deps.bands()).mount(routes);
        new CallRoutes(queue, decisions, requesters, audit, deps.config(), deps.policy(), deps.signposts(),
                deps.referralDesk(), deps.clock(), deps.texts(), deps.history(), deps.callbackNumbers()).mount(routes);
        new HandoverRoutes(vertx, queue, requesters, audit, deps.config(), deps.clock()).mount(routes);
        new SoftphoneRoutes(requesters, deps.softphone()).mount(routes);
        new HistoryRoutes(queue, requesters, audit, deps.history()).mount(routes);
        new DirectoryRoutes(deps.config(), deps.cafeConfig(), deps.signposts(), deps.clock()).mount(routes);
        new LeadRoutes(board, new QueueStream(vertx, board, deps.streamEvery()), decisions, requesters, audit,
                deps.referrals(), deps.clock()).mount(routes);
        new CallbackRoutes(decisions, requesters).mount(routes);
        new ReferralRoutes(deps.referralDesk(), requesters, audit, deps.clock()).mount(routes);
        new PartnerRoutes(deps.referralDesk(), deps.config()::cmhtDirectory, deps.referralEndpoints())
                .mount(router, routes);
        new AdminRoutes(deps.config(), deps.pbx(), requesters, audit, deps.clock()).mount(routes);
        new OperationsRoutes(deps.queue(), deps.pbx(), deps.metrics()).mount(routes);
        router.route("/api/*").handler(rc -> rc.fail(new ApiError(404, "not-found", "There is nothing here.")));
        return new HttpApi(router, routes);
    }

    public Router router() {
        return router;
    }

    /** Every route mounted, with the roles it admits (none: public). */
    public List<RouteTable.Entry> routes() {
        return routes.entries();
    }
}
