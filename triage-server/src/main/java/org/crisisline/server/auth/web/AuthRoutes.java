package org.crisisline.server.auth.web;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.crisisline.server.audit.AuditEntry;
import org.crisisline.server.audit.AuditLog;
import org.crisisline.server.audit.Outcome;
import org.crisisline.server.auth.AuthConfigException;
import org.crisisline.server.auth.LoginOutcome;
import org.crisisline.server.auth.LoginService;
import org.crisisline.server.auth.PasswordPolicy;
import org.crisisline.server.auth.Session;
import org.crisisline.server.auth.SessionRegistry;

/**
 * Mounts the security of the JSON API on a router: for every {@code /api/*} request a size-limited
 * {@link BodyHandler} ({@code auth.http.max-body-bytes}, default 16384), {@link SessionCookies},
 * {@link CsrfGuard} and {@link ApiFailureHandler}; then {@code POST /api/login}
 * ({@code {"username","password"}} → 200 with the person, 401 {@code login-failed}, 429
 * {@code login-locked} with {@code Retry-After}), {@code POST /api/logout} (204) and {@code GET /api/me}.
 * Call {@link #mount} before adding other {@code /api} routes, which then only need an {@link Authorize}
 * guard. A sign-in ends the session the client presented and starts a new one (new id). Runs on the event
 * loop; nothing here blocks.
 */
public final class AuthRoutes {
    public static final String ACTION_LOGOUT = "auth.logout";

    private final LoginService logins;
    private final SessionRegistry sessions;
    private final SessionCookies cookies;
    private final AuditLog audit;
    private final Clock clock;
    private final int maxBodyBytes;

    public AuthRoutes(LoginService logins, SessionRegistry sessions, AuditLog audit, Clock clock, int maxBodyBytes) {
        this.logins = Objects.requireNonNull(logins, "logins");
        this.sessions = Objects.requireNonNull(sessions, "sessions");
        this.cookies = new SessionCookies(sessions);
        this.audit = Objects.requireNonNull(audit, "audit");
        this.clock = Objects.requireNonNull(clock, "clock");
        if (maxBodyBytes < 256 || maxBodyBytes > 10 * 1024 * 1024) {
            throw new AuthConfigException("auth.http.max-body-bytes",
                    "must be between 256 and 10485760, was " + maxBodyBytes);
        }
        this.maxBodyBytes = maxBodyBytes;
    }

    public void mount(Router router) {
        router.route("/api/*")
                .handler(BodyHandler.create(false).setBodyLimit(maxBodyBytes))
                .handler(cookies)
                .handler(new CsrfGuard())
                .failureHandler(new ApiFailureHandler());
        router.post("/api/login").handler(this::login);
        router.post("/api/logout").handler(Authorize.signedIn()).handler(this::logout);
        router.get("/api/me").handler(Authorize.signedIn()).handler(this::me);
    }

    private void login(RoutingContext rc) {
        JsonBody body = JsonBody.of(rc).onlyFields("username", "password");
        String username = body.requiredString("username", 64);
        String password = body.requiredString("password", PasswordPolicy.MAX_LENGTH);
        logins.login(username, password, rc.request().remoteAddress().hostAddress())
                .onSuccess(outcome -> answerLogin(rc, outcome))
                .onFailure(rc::fail);
    }

    private void answerLogin(RoutingContext rc, LoginOutcome outcome) {
        if (outcome instanceof LoginOutcome.SignedIn signedIn) {
            cookies.presentedId(rc).ifPresent(sessions::end);
            Session session = sessions.start(signedIn.account());
            cookies.attach(rc, session);
            respond(rc, 200, person(session));
        } else if (outcome instanceof LoginOutcome.Locked locked) {
            long seconds = Math.max(1, locked.retryAfter().toSeconds());
            rc.response().putHeader("Retry-After", Long.toString(seconds));
            rc.fail(new ApiError(429, "login-locked", "Too many failed sign-ins. Try again in "
                    + minutes(locked.retryAfter()) + "."));
        } else {
            rc.fail(new ApiError(401, "login-failed", "The username or password is wrong."));
        }
    }

    private void logout(RoutingContext rc) {
        Session session = SessionCookies.current(rc).orElseThrow();
        sessions.end(session.id());
        cookies.detach(rc);
        recordLogout(session)
                .onSuccess(r -> rc.response().setStatusCode(204).end())
                .onFailure(rc::fail);
    }

    private void me(RoutingContext rc) {
        respond(rc, 200, person(SessionCookies.current(rc).orElseThrow()));
    }

    private Future<?> recordLogout(Session session) {
        List<String> roles = session.roles().stream().map(Enum::name).sorted().toList();
        return audit.record(AuditEntry.of(clock.instant(), session.username(), roles, ACTION_LOGOUT,
                LoginService.TARGET, session.username(), Outcome.SUCCEEDED));
    }

    private static JsonObject person(Session session) {
        return new JsonObject()
                .put("username", session.username())
                .put("displayName", session.displayName())
                .put("roles", new JsonArray(session.roles().stream().map(Enum::name).sorted().toList()))
                .put("csrfToken", session.csrfToken());
    }

    private static void respond(RoutingContext rc, int status, JsonObject body) {
        rc.response()
                .setStatusCode(status)
                .putHeader("Content-Type", "application/json; charset=utf-8")
                .putHeader("Cache-Control", "no-store")
                .end(body.encode());
    }

    private static String minutes(Duration wait) {
        long minutes = (wait.toSeconds() + 59) / 60;
        return minutes == 1 ? "1 minute" : minutes + " minutes";
    }
}
