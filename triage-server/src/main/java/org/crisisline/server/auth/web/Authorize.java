package org.crisisline.server.auth.web;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.crisisline.server.auth.Role;
import org.crisisline.server.auth.Session;

/**
 * Route guards: {@code router.get("/api/queue").handler(Authorize.roles(OPERATIVE, CLINICAL_LEAD))} lets a
 * request through when it is signed in with any of the roles; otherwise it fails the request with 401
 * {@code not-signed-in} or 403 {@code forbidden}, answered by {@link ApiFailureHandler}. Needs
 * {@link SessionCookies} mounted before. The handlers are stateless and run on the event loop.
 */
public final class Authorize {
    private Authorize() {
    }

    /** Admits a signed-in request holding at least one of {@code roles}. */
    public static Handler<RoutingContext> roles(Role first, Role... more) {
        Set<Role> admitted = Set.copyOf(EnumSet.of(first, more));
        return rc -> {
            Optional<Session> session = SessionCookies.current(rc);
            if (session.isEmpty()) {
                rc.fail(ApiError.notSignedIn());
            } else if (!session.get().hasAnyRole(admitted)) {
                rc.fail(ApiError.forbidden());
            } else {
                rc.next();
            }
        };
    }

    /** Admits any signed-in request. */
    public static Handler<RoutingContext> signedIn() {
        return roles(Role.OPERATIVE, Role.values());
    }
}
