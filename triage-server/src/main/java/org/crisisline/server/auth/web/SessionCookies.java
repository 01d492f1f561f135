package org.crisisline.server.auth.web;

import io.vertx.core.Handler;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.ext.web.RoutingContext;
import java.util.Objects;
import java.util.Optional;
import org.crisisline.server.auth.Session;
import org.crisisline.server.auth.SessionRegistry;
import org.crisisline.server.auth.SessionSettings;

/**
 * Carries a {@link SessionRegistry} session in cookies. As a handler, it looks up the session named by the
 * session cookie (marking it seen) and puts it in the routing context for {@link #current}; an unknown or
 * expired id simply leaves the request anonymous. The session cookie is {@code HttpOnly},
 * {@code SameSite=Strict}, {@code Path=/} and {@code Secure} (unless configured off); the
 * {@value #CSRF_COOKIE} cookie holds the session's CSRF token for the browser's script to echo in
 * {@value CsrfGuard#HEADER} (so it is not {@code HttpOnly}). Runs on the event loop.
 */
public final class SessionCookies implements Handler<RoutingContext> {
    public static final String CSRF_COOKIE = "XSRF-TOKEN";
    private static final String CONTEXT_KEY = "crisisline.session";

    private final SessionRegistry registry;
    private final SessionSettings settings;

    public SessionCookies(SessionRegistry registry) {
        this.registry = Objects.requireNonNull(registry, "registry");
        this.settings = registry.settings();
    }

    @Override
    public void handle(RoutingContext rc) {
        registry.resume(presentedId(rc).orElse(null)).ifPresent(session -> rc.put(CONTEXT_KEY, session));
        rc.next();
    }

    /** The signed-in session of this request, if any. */
    public static Optional<Session> current(RoutingContext rc) {
        return Optional.ofNullable(rc.get(CONTEXT_KEY));
    }

    /** The session id the client sent, live or not. */
    public Optional<String> presentedId(RoutingContext rc) {
        return Optional.ofNullable(rc.request().getCookie(settings.cookieName())).map(Cookie::getValue);
    }

    /** Sends the cookies for a newly started session and makes it current for the rest of this request. */
    public void attach(RoutingContext rc, Session session) {
        rc.put(CONTEXT_KEY, session);
        rc.response().addCookie(cookie(settings.cookieName(), session.id(), true));
        rc.response().addCookie(cookie(CSRF_COOKIE, session.csrfToken(), false));
    }

    /** Tells the browser to drop both cookies. */
    public void detach(RoutingContext rc) {
        rc.remove(CONTEXT_KEY);
        rc.response().addCookie(cookie(settings.cookieName(), "", true).setMaxAge(0));
        rc.response().addCookie(cookie(CSRF_COOKIE, "", false).setMaxAge(0));
    }

    private Cookie cookie(String name, String value, boolean httpOnly) {
        return Cookie.cookie(name, value)
                .setPath("/")
                .setHttpOnly(httpOnly)
                .setSecure(settings.cookieSecure())
                .setSameSite(CookieSameSite.STRICT);
    }
}
