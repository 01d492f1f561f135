package org.crisisline.server.pathway.config;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Which text-message gateway sends café details to callers ({@code pathway.text.*}): the logging gateway (the
 * default: nothing leaves the server) or an HTTP gateway, which needs a URL, a bearer token and a timeout.
 * The token is never printed. Immutable.
 */
public record TextSettings(Gateway gateway, Optional<URI> url, Optional<String> token, Duration timeout) {
    /** The gateways there are: {@code logging} or {@code http}. */
    public enum Gateway {
        LOGGING, HTTP
    }

    public TextSettings {
        Objects.requireNonNull(gateway, "gateway");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(timeout, "timeout");
    }

    @Override
    public String toString() {
        return "TextSettings[gateway=" + gateway + ", url=" + url.orElse(null) + ", token=" + (token.isPresent()
                ? "[redacted]" : "none") + ", timeout=" + timeout + "]";
    }
}
