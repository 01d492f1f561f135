package org.crisisline.server.http;

import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Serves the API's contract, {@code openapi.yaml} from this package's resources, at
 * {@code GET /api/openapi.yaml} to anyone. The document is read once, when the route is created.
 */
public final class OpenApiRoute {
    public static final String PATH = "/api/openapi.yaml";
    public static final String RESOURCE = "openapi.yaml";

    private final String document;

    public OpenApiRoute() {
        this.document = load();
    }

    /** The document's text. */
    public static String load() {
        try (InputStream in = OpenApiRoute.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("openapi.yaml is missing from the build");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void mount(RouteTable routes) {
        routes.open(HttpMethod.GET, PATH, this::serve);
    }

    private void serve(RoutingContext rc) {
        rc.response()
                .putHeader("Content-Type", "application/yaml; charset=utf-8")
                .end(document);
    }
}
