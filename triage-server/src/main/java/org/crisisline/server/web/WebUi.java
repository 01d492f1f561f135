package org.crisisline.server.web;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.StaticHandler;
import org.crisisline.server.softphone.SoftphoneSettings;

/**
 * Serves the web pages from the classpath folder {@value #WEBROOT} on every path the API has not claimed,
 * mounted after {@code HttpApi} has built the router:
 *
 * <pre>{@code
 * Router router = HttpApi.create(vertx, deps).router();
 * WebUi.mount(router, softphone);
 * }</pre>
 *
 * Every page response carries a strict Content-Security-Policy (only this origin's scripts, styles and
 * connections, plus the softphone's WebSocket origin when it is on; no inline script or style; no framing),
 * {@code X-Content-Type-Options: nosniff} and no referrer. Files are cached for {@value #MAX_AGE_SECONDS} s
 * and then revalidated, so a new release reaches every panel within a minute. Runs on the event loop;
 * StaticHandler reads files off it.
 */
public final class WebUi {
    public static final String WEBROOT = "webroot";
    public static final String CONTENT_SECURITY_POLICY = contentSecurityPolicy(SoftphoneSettings.off());
    static final long MAX_AGE_SECONDS = 60;

    private WebUi() {
    }

    /** The pages with the softphone off. */
    public static Router mount(Router router) {
        return mount(router, SoftphoneSettings.off());
    }

    public static Router mount(Router router, SoftphoneSettings softphone) {
        String policy = contentSecurityPolicy(softphone);
        router.route("/*").handler(rc -> securityHeaders(rc, policy));
        router.route("/*").handler(StaticHandler.create(WEBROOT)
                .setIndexPage("index.html")
                .setCachingEnabled(true)
                .setMaxAgeSeconds(MAX_AGE_SECONDS)
                .setDirectoryListing(false)
                .setIncludeHidden(false));
        return router;
    }

    /**
     * The policy: the softphone's WebSocket origin is the only connection allowed beyond this origin. Its
     * audio needs nothing more: the remote stream is an {@code <audio>} element's {@code srcObject}, and the
     * ring is synthesised with Web Audio, neither of which the policy's fetch directives govern.
     */
    static String contentSecurityPolicy(SoftphoneSettings softphone) {
        String connect = softphone.connectSource().map(origin -> "'self' " + origin).orElse("'self'");
        return "default-src 'self'; script-src 'self'; "
                + "style-src 'self'; img-src 'self' data:; connect-src " + connect + "; font-src 'self'; object-src 'none'; "
                + "base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
    }

    private static void securityHeaders(RoutingContext rc, String policy) {
        rc.response().headers()
                .set("Content-Security-Policy", policy)
                .set("X-Content-Type-Options", "nosniff")
                .set("X-Frame-Options", "DENY")
                .set("Referrer-Policy", "no-referrer")
                .set("Cross-Origin-Opener-Policy", "same-origin");
        rc.next();
    }
}
