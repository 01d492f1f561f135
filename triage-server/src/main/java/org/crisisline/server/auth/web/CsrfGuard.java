package org.crisisline.server.auth.web;

import io.vertx.core.Handler;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;
import java.util.Set;
import org.crisisline.server.auth.Session;

/**
 * CSRF protection for signed-in requests: a state-changing request (anything but GET, HEAD and OPTIONS)
 * that carries a session must send the session's token in {@value #HEADER} (compared in constant time);
 * otherwise 403 {@code csrf-token-invalid}. The token is random per session and reaches the browser in the
 * {@code XSRF-TOKEN} cookie and in {@code /api/me}: the double-submit header that Angular and axios send by
 * themselves, checked against the server-side session rather than the cookie.
 *
 * <p>Why not Vert.x Web's {@code CSRFHandler}: it keeps its token in a Vert.x Web session, which this
 * server does not use ({@link org.crisisline.server.auth.SessionRegistry} explains why). A request without
 * a session changes nothing but a sign-in; sign-in CSRF is blocked by requiring an
 * {@code application/json} body, which a cross-site form cannot send, and by {@code SameSite=Strict}.
 * Mount after {@link SessionCookies}. Runs on the event loop.
 */
public final class CsrfGuard implements Handler<RoutingContext> {
    public static final String HEADER = "X-XSRF-TOKEN";
    private static final Set<HttpMethod> SAFE = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS);

    @Override
    public void handle(RoutingContext rc) {
        Optional<Session> session = SessionCookies.current(rc);
        if (SAFE.contains(rc.request().method()) || session.isEmpty()) {
            rc.next();
            return;
        }
        String sent = rc.request().getHeader(HEADER);
        if (sent != null && MessageDigest.isEqual(
                sent.getBytes(StandardCharsets.UTF_8), session.get().csrfToken().getBytes(StandardCharsets.UTF_8))) {
            rc.next();
            return;
        }
        rc.fail(new ApiError(403, "csrf-token-invalid",
                "This request must carry the X-XSRF-TOKEN header from the XSRF-TOKEN cookie."));
    }
}
