package org.crisisline.server.web;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.StaticHandler;

/**
 * Serves the web pages from the classpath folder {@value #WEBROOT} on every path the API has not claimed,
 * mounted after {@code HttpApi} has built the router:
 *
 * <pre>{@code
 * Router router = HttpApi.create(vertx, deps).router();
 * WebUi.mount(router);
 * }</pre>
 *
 * Every page response carries a strict Content-Security-Policy (only this origin's scripts, styles and
 * connections; no inline script or style; no framing), {@code X-Content-Type-Options: nosniff} and no
 * referrer. Files are cached for {@value #MAX_AGE_SECONDS} s and then revalidated, so a new release reaches
 * every panel within a minute. Runs on the event loop; StaticHandler reads files off it.
 */
public final class WebUi {
    public static final String WEBROOT = "webroot";
    public static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; "
            + "style-src 'self'; img-src 'self' data:; connect-src 'self'; font-src 'self'; object-src 'none'; "
            + "base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
    static final long MAX_AGE_SECONDS = 60;

    private WebUi() {
    }

    public static Router mount(Router router) {
        router.route("/*").handler(WebUi::securityHeaders);
        router.route("/*").handler(StaticHandler.create(WEBROOT)
                .setIndexPage("index.html")
                .setCachingEnabled(true)
                .setMaxAgeSeconds(MAX_AGE_SECONDS)
                .setDirectoryListing(false)
                .setIncludeHidden(false));
        return router;
    }

    private static void securityHeaders(RoutingContext rc) {
        rc.response().headers()
                .set("Content-Security-Policy", CONTENT_SECURITY_POLICY)
                .set("X-Content-Type-Options", "nosniff")
                .set("X-Frame-Options", "DENY")
                .set("Referrer-Policy", "no-referrer")
                .set("Cross-Origin-Opener-Policy", "same-origin");
        rc.next();
    }
}
