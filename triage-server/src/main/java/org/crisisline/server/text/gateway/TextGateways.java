package org.crisisline.server.text.gateway;

import io.vertx.core.Vertx;
import org.crisisline.server.pathway.config.TextSettings;
import org.crisisline.server.text.TextMessageGateway;

/** Makes the gateway {@code pathway.text.gateway} names. Call once at start. */
public final class TextGateways {
    private TextGateways() {
    }

    public static TextMessageGateway from(Vertx vertx, TextSettings settings) {
        return switch (settings.gateway()) {
            case LOGGING -> new LoggingTextGateway();
            case HTTP -> new HttpTextGateway(vertx, settings.url().orElseThrow(), settings.token().orElseThrow(),
                    settings.timeout());
        };
    }
}
