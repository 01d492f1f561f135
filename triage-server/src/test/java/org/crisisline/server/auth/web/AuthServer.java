package org.crisisline.server.auth.web;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import java.security.SecureRandom;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.crisisline.server.audit.InMemoryAuditLog;
import org.crisisline.server.auth.Account;
import org.crisisline.server.auth.InMemoryAccountStore;
import org.crisisline.server.auth.LoginService;
import org.crisisline.server.auth.LoginThrottle;
import org.crisisline.server.auth.PasswordHasher;
import org.crisisline.server.auth.PasswordWorker;
import org.crisisline.server.auth.Role;
import org.crisisline.server.auth.SessionRegistry;
import org.crisisline.server.auth.SessionSettings;
import org.crisisline.server.auth.ThrottleSettings;
import org.crisisline.queue.testing.MutableClock;
import org.crisisline.server.auth.testing.Tiny;

/**
 * The security stack on a real HTTP server (port 0), mounted as the server will mount it, with known
 * accounts, a hand-moved clock and sample routes guarded per role: {@code GET /api/sample/operative},
 * {@code /lead}, {@code /admin}, {@code /lead-or-admin}, and {@code POST /api/sample/change}, which counts
 * the changes it made.
 */
final class AuthServer {
    static final Map<String, String> PASSWORDS = Map.of(
            "op1", "kettle orbit mustard",
            "lead", "lantern pebble violin",
            "admin", "saddle comet turnip",
            "duty", "harbour mitten oyster",
            "gone", "walnut ribbon glacier");

    final MutableClock clock = MutableClock.at("2026-11-29T08:00:00Z");
    final InMemoryAccountStore accounts = new InMemoryAccountStore();
    final InMemoryAuditLog audit = new InMemoryAuditLog();
    final SessionRegistry sessions = new SessionRegistry(SessionSettings.defaults(), clock, new SecureRandom());
    final LoginThrottle throttle = new LoginThrottle(ThrottleSettings.defaults(), clock);
    final AtomicInteger changes = new AtomicInteger();
    int port;

    static AuthServer start(Vertx vertx) throws Exception {
        AuthServer server = new AuthServer();
        server.listen(vertx);
        return server;
    }

    private void listen(Vertx vertx) throws Exception {
        PasswordHasher hasher = Tiny.hasher();
        account(hasher, "op1", false, Role.OPERATIVE);
        account(hasher, "lead", false, Role.CLINICAL_LEAD);
        account(hasher, "admin", false, Role.ADMIN);
        account(hasher, "duty", false, Role.OPERATIVE, Role.CLINICAL_LEAD);
        account(hasher, "gone", true, Role.OPERATIVE);
        LoginService logins = new LoginService(accounts, new PasswordWorker(vertx, hasher), throttle, audit, clock);

        Router router = Router.router(vertx);
        new AuthRoutes(logins, sessions, audit, clock, 4096).mount(router);
        router.get("/api/sample/operative").handler(Authorize.roles(Role.OPERATIVE)).handler(rc -> rc.end("ok"));
        router.get("/api/sample/lead").handler(Authorize.roles(Role.CLINICAL_LEAD)).handler(rc -> rc.end("ok"));
        router.get("/api/sample/admin").handler(Authorize.roles(Role.ADMIN)).handler(rc -> rc.end("ok"));
        router.get("/api/sample/lead-or-admin").handler(Authorize.roles(Role.CLINICAL_LEAD, Role.ADMIN))
                .handler(rc -> rc.end("ok"));
        router.post("/api/sample/change").handler(Authorize.signedIn()).handler(rc -> {
            changes.incrementAndGet();
            rc.response().setStatusCode(204).end();
        });
        HttpServer server = await(vertx.createHttpServer().requestHandler(router).listen(0));
        port = server.actualPort();
    }

    private void account(PasswordHasher hasher, String username, boolean disabled, Role... roles) {
        accounts.save(new Account(username, username + " display", Set.of(roles), Optional.empty(),
                hasher.hash(PASSWORDS.get(username)), disabled));
    }

    static <T> T await(Future<T> future) throws Exception {
        return future.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }
}
