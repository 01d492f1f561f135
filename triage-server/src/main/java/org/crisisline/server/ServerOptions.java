package org.crisisline.server;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.crisisline.server.routing.RoutingOptions;

/**
 * How the embedded default is started: the queue's overrides (keys of {@code queue-defaults.properties}),
 * the FastAGI port, the simulated PBX's overrides (keys of {@code SimulatedPbxOptions.DEFAULTS}), the
 * routing, the time scale shared by the simulated PBX and the queue's clock, and how often the
 * summary is printed. Immutable; a bad value fails construction naming its key.
 *
 * @param pseudonymKey the secret of the callers' keyed-hash pseudonyms; empty: a random key per run
 * @param http         where the HTTP API and the web pages listen
 * @param security     overrides of {@code security-defaults.properties} (sessions, logins, audit file)
 * @param pathway      overrides of {@code pathway-defaults.properties} (referrals, cafés, the text gateway)
 * @param softphone    the {@code softphone} section, read by {@code SoftphoneSettingsReader}
 */
public record ServerOptions(Map<String, String> queue, int ivrPort, JsonObject simulatedPbx, RoutingOptions routing,
                            Duration summaryEvery, Optional<String> pseudonymKey, Http http,
                            Map<String, String> security, Map<String, String> pathway,
                            JsonObject softphone) {
    /** The HTTP listener: {@code http.host} and {@code http.port} (0: any free port). */
    public record Http(String host, int port) {
        public Http {
            Objects.requireNonNull(host, "http.host");
            if (port < 0 || port > 65_535) {
                throw new IllegalArgumentException("http.port: 0 to 65535: " + port);
            }
        }
    }

    public ServerOptions {
        queue = Map.copyOf(Objects.requireNonNull(queue, "queue"));
        if (ivrPort < 0 || ivrPort > 65_535) {
            throw new IllegalArgumentException("ivr-port: 0 to 65535: " + ivrPort);
        }
        Objects.requireNonNull(http, "http");
        security = Map.copyOf(Objects.requireNonNull(security, "security"));
        pathway = Map.copyOf(Objects.requireNonNull(pathway, "pathway"));
        softphone = Objects.requireNonNull(softphone, "softphone").copy();
        simulatedPbx = Objects.requireNonNull(simulatedPbx, "simulated-pbx").copy();
        Objects.requireNonNull(routing, "routing");
        Objects.requireNonNull(summaryEvery, "summary-every");
        if (summaryEvery.isNegative()) {
            throw new IllegalArgumentException("summary-every: must not be negative");
        }
        Objects.requireNonNull(pseudonymKey, "pseudonym-key");
        if (simulatedPbx.containsKey("time-scale")
                && simulatedPbx.getDouble("time-scale") != routing.timeScale()) {
            throw new IllegalArgumentException("simulated-pbx.time-scale: set time-scale once, on the routing");
        }
    }

    /**
     * The shipped defaults ({@link ServerConfig}) with simulated time running {@code timeScale} times
     * faster, HTTP on any free port and the audit log in a fresh temporary folder: many can run at once.
     */
    public static ServerOptions demo(double timeScale) {
        String auditFile;
        try {
            auditFile = Files.createTempDirectory("crisisline-audit").resolve("audit.jsonl").toString();
        } catch (IOException e) {
            throw new UncheckedIOException("no temporary folder for the audit log", e);
        }
        return ServerConfig.read(new JsonObject().put("time-scale", timeScale)
                .put("http", new JsonObject().put("port", 0))
                .put("security", new JsonObject().put("audit.file", auditFile)), Map.of());
    }

    public ServerOptions withSimulatedPbx(JsonObject overrides) {
        return new ServerOptions(queue, ivrPort, simulatedPbx.copy().mergeIn(overrides), routing, summaryEvery,
                pseudonymKey, http, security, pathway, softphone);
    }

    public ServerOptions withRouting(RoutingOptions newRouting) {
        return new ServerOptions(queue, ivrPort, simulatedPbx, newRouting, summaryEvery, pseudonymKey, http, security, pathway, softphone);
    }

    public ServerOptions withPathway(Map<String, String> overrides) {
        Map<String, String> merged = new LinkedHashMap<>(pathway);
        merged.putAll(overrides);
        return new ServerOptions(queue, ivrPort, simulatedPbx, routing, summaryEvery, pseudonymKey, http, security,
                merged, softphone);
    }

    public ServerOptions withQueue(Map<String, String> overrides) {
        Map<String, String> merged = new LinkedHashMap<>(queue);
        merged.putAll(overrides);
        return new ServerOptions(merged, ivrPort, simulatedPbx, routing, summaryEvery, pseudonymKey, http, security, pathway, softphone);
    }
}
