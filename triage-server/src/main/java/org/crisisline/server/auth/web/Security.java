package org.crisisline.server.auth.web;

import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Objects;
import org.crisisline.server.audit.AuditLog;
import org.crisisline.server.auth.AccountStore;
import org.crisisline.server.auth.DemoAccounts;
import org.crisisline.server.auth.LoginService;
import org.crisisline.server.auth.LoginThrottle;
import org.crisisline.server.auth.PasswordHasher;
import org.crisisline.server.auth.PasswordWorker;
import org.crisisline.server.auth.SessionRegistry;
import org.crisisline.server.auth.config.SecuritySettings;

/**
 * The security parts wired together from {@link SecuritySettings}, for the HTTP verticle to mount:
 * {@code Security.create(...).mount(router)}, then guard each further {@code /api} route with
 * {@link Authorize}. Holds a periodic timer that sweeps expired sessions; {@link #close()} cancels it.
 * Create and use on the verticle's event loop; the parts themselves are thread-safe.
 */
public final class Security {
    private static final long SWEEP_EVERY_MS = 60_000;

    private final Vertx vertx;
    private final SessionRegistry sessions;
    private final PasswordWorker passwords;
    private final AuthRoutes routes;
    private final long sweepTimer;

    private Security(Vertx vertx, SessionRegistry sessions, PasswordWorker passwords, AuthRoutes routes) {
        this.vertx = vertx;
        this.sessions = sessions;
        this.passwords = passwords;
        this.routes = routes;
        this.sweepTimer = vertx.setPeriodic(SWEEP_EVERY_MS, id -> sessions.sweep());
    }

    public static Security create(Vertx vertx, SecuritySettings settings, AccountStore accounts, AuditLog audit,
            Clock clock) {
        Objects.requireNonNull(settings, "settings");
        SecureRandom random = new SecureRandom();
        PasswordWorker passwords = new PasswordWorker(vertx, new PasswordHasher(settings.argon2(), random));
        SessionRegistry sessions = new SessionRegistry(settings.session(), clock, random);
        LoginService logins = new LoginService(accounts, passwords, new LoginThrottle(settings.login(), clock), audit,
                clock);
        AuthRoutes routes = new AuthRoutes(logins, sessions, audit, clock, settings.maxBodyBytes());
        return new Security(vertx, sessions, passwords, routes);
    }

    /** Mounts the body limit, sessions, CSRF guard, JSON errors and the sign-in routes on {@code /api}. */
    public Security mount(Router router) {
        routes.mount(router);
        return this;
    }

    /** The demo accounts' creator, hashing with the configured settings. */
    public DemoAccounts demoAccounts(AccountStore accounts) {
        return new DemoAccounts(accounts, passwords, new SecureRandom());
    }

    public SessionRegistry sessions() {
        return sessions;
    }

    public PasswordWorker passwords() {
        return passwords;
    }

    public void close() {
        vertx.cancelTimer(sweepTimer);
    }
}
