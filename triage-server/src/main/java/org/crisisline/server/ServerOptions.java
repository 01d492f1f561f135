package org.crisisline.server;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.crisisline.server.routing.RoutingOptions;
import org.crisisline.telephony.ami.AmiOptions;

/**
 * How the server is started (read by {@link ServerConfig}): the queue's overrides (keys of {@code queue-defaults.properties}),
 * the FastAGI port, the simulated PBX's overrides (keys of {@code SimulatedPbxOptions.DEFAULTS}), the
 * routing, the time scale shared by the simulated PBX and the queue's clock, and how often the
 * summary is printed. Immutable; a bad value fails construction naming its key.
 *
 * @param pseudonymKey the secret of the callers' keyed-hash pseudonyms; empty: a random key per run
 * @param http         where the HTTP API and the web pages listen
 * @param security     overrides of {@code security-defaults.properties} (sessions, logins, audit file)
 * @param store        where the queue's state lives
 * @param pbx          the simulated PBX, or the real ones reached over AMI
 * @param pathway      overrides of {@code pathway-defaults.properties} (referrals, their endpoints and delivery, cafés,
 *                     the text gateway)
 * @param softphone    the {@code softphone} section, read by {@code SoftphoneSettingsReader}
 */
public record ServerOptions(Map<String, String> queue, int ivrPort, JsonObject simulatedPbx, RoutingOptions routing,
                            Duration summaryEvery, Optional<String> pseudonymKey, Http http,
                            Map<String, String> security, Store store, Pbx pbx, Map<String, String> pathway,
                            JsonObject softphone) {
    /** The queue store: {@code memory} (one node, lost at exit) or {@code redis} (shared, kept). */
    public enum StoreType {
        MEMORY, REDIS
    }

    /**
     * The {@code store} section.
     *
     * @param keyPrefix         prefix of every Redis key this deployment makes (queue and callback numbers)
     * @param callbackNumberTtl a kept callback number is deleted when its call ends, and after this at the latest
     */
    public record Store(StoreType type, String redisUrl, String keyPrefix, String lineGroup, Duration timeout,
                        int snapshotEvery, Duration callbackNumberTtl) {
        public Store {
            Objects.requireNonNull(type, "store.type");
            Objects.requireNonNull(redisUrl, "store.redis-url");
            Objects.requireNonNull(keyPrefix, "store.key-prefix");
            Objects.requireNonNull(lineGroup, "store.line-group");
            Objects.requireNonNull(timeout, "store.timeout");
            Objects.requireNonNull(callbackNumberTtl, "store.callback-number-ttl");
            if (timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("store.timeout: must be positive");
            }
            if (snapshotEvery < 1) {
                throw new IllegalArgumentException("store.snapshot-every: must be positive");
            }
            if (callbackNumberTtl.toSeconds() < 1) {
                throw new IllegalArgumentException("store.callback-number-ttl: at least 1s");
            }
            if (lineGroup.isBlank() || lineGroup.contains("{") || lineGroup.contains("}")) {
                throw new IllegalArgumentException("store.line-group: must be non-blank, without braces");
            }
            if (keyPrefix.isBlank()) {
                throw new IllegalArgumentException("store.key-prefix: must not be blank");
            }
        }

        public Store withRedis(String url, String prefix) {
            return new Store(StoreType.REDIS, url, prefix, lineGroup, timeout, snapshotEvery, callbackNumberTtl);
        }
    }

    /**
     * The {@code pbx} section: the simulated PBX started inside the server ({@code simulated}), and the
     * real PBXs reached over AMI ({@code connections}); at least one of the two.
     */
    public record Pbx(boolean simulated, List<AmiOptions> connections) {
        public Pbx {
            connections = List.copyOf(connections);
            if (!simulated && connections.isEmpty()) {
                throw new IllegalArgumentException("pbx.connections: at least one when pbx.simulated is false");
            }
        }
    }
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
        simulatedPbx = Objects.requireNonNull(simulatedPbx, "simulated-pbx").copy();
        Objects.requireNonNull(routing, "routing");
        Objects.requireNonNull(summaryEvery, "summary-every");
        if (summaryEvery.isNegative()) {
            throw new IllegalArgumentException("summary-every: must not be negative");
        }
        Objects.requireNonNull(pseudonymKey, "audit.pseudonym-key");
        Objects.requireNonNull(store, "store");
        Objects.requireNonNull(pbx, "pbx");
        pathway = Map.copyOf(Objects.requireNonNull(pathway, "pathway"));
        softphone = Objects.requireNonNull(softphone, "softphone").copy();
        if (store.type() == StoreType.REDIS && pseudonymKey.isEmpty()) {
            // Every node, and the node after a restart, must make the same pseudonyms and read the
            // callback numbers the others kept.
            throw new IllegalArgumentException("audit.pseudonym-key: required when store.type is redis");
        }
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
                .put("audit", new JsonObject().put("file", auditFile)), Map.of());
    }

    public ServerOptions withSimulatedPbx(JsonObject overrides) {
        return new ServerOptions(queue, ivrPort, simulatedPbx.copy().mergeIn(overrides), routing, summaryEvery,
                pseudonymKey, http, security, store, pbx, pathway, softphone);
    }

    public ServerOptions withRouting(RoutingOptions newRouting) {
        return new ServerOptions(queue, ivrPort, simulatedPbx, newRouting, summaryEvery, pseudonymKey, http, security,
                store, pbx, pathway, softphone);
    }

    public ServerOptions withQueue(Map<String, String> overrides) {
        Map<String, String> merged = new LinkedHashMap<>(queue);
        merged.putAll(overrides);
        return new ServerOptions(merged, ivrPort, simulatedPbx, routing, summaryEvery, pseudonymKey, http, security,
                store, pbx, pathway, softphone);
    }

    /** These pathway settings over the current ones (keys of {@code pathway-defaults.properties}). */
    public ServerOptions withPathway(Map<String, String> overrides) {
        Map<String, String> merged = new LinkedHashMap<>(pathway);
        merged.putAll(overrides);
        return new ServerOptions(queue, ivrPort, simulatedPbx, routing, summaryEvery, pseudonymKey, http, security,
                store, pbx, merged, softphone);
    }

    /** The queue (and the callback numbers) in Redis, shared by every node configured alike. */
    public ServerOptions withStore(Store newStore, String newPseudonymKey) {
        return new ServerOptions(queue, ivrPort, simulatedPbx, routing, summaryEvery, Optional.of(newPseudonymKey),
                http, security, newStore, pbx, pathway, softphone);
    }

    /** The IVR's FastAGI server on {@code port} (a fixed port a restarted node listens on again). */
    public ServerOptions withIvrPort(int port) {
        return new ServerOptions(queue, port, simulatedPbx, routing, summaryEvery, pseudonymKey, http, security,
                store, pbx, pathway, softphone);
    }

    /** Real (or separately run) PBXs over AMI instead of the simulated PBX inside the server. */
    public ServerOptions withPbx(Pbx newPbx) {
        return new ServerOptions(queue, ivrPort, simulatedPbx, routing, summaryEvery, pseudonymKey, http, security,
                store, newPbx, pathway, softphone);
    }
}
