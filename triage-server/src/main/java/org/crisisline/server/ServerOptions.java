package org.crisisline.server;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.crisisline.queue.model.OperativeId;
import org.crisisline.queue.model.Skills;
import org.crisisline.server.routing.RoutingOptions;

/**
 * How the embedded default is started: the queue's overrides (keys of {@code queue-defaults.properties}),
 * the FastAGI port, the simulated PBX's overrides (keys of {@code SimulatedPbxOptions.DEFAULTS}), the
 * routing, the time scale shared by the simulated PBX and the queue's clock, and how often the
 * summary is printed. Immutable; a bad value fails construction naming its key.
 *
 * @param pseudonymKey the secret of the callers' keyed-hash pseudonyms; empty: a random key per run
 */
public record ServerOptions(Map<String, String> queue, int ivrPort, JsonObject simulatedPbx, RoutingOptions routing,
                            Duration summaryEvery, Optional<String> pseudonymKey) {
    /** The demo's operatives: op1 and op2 clinically qualified, op3 to op6 trained. */
    public static final int DEMO_OPERATIVES = 6;

    public ServerOptions {
        queue = Map.copyOf(Objects.requireNonNull(queue, "queue"));
        if (ivrPort < 0 || ivrPort > 65_535) {
            throw new IllegalArgumentException("ivr-port: 0 to 65535: " + ivrPort);
        }
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
     * The demo: six simulated operatives, callers arriving on the simulated PBX's two lines, time
     * running {@code timeScale} times faster than real time, a summary every 10 s.
     */
    public static ServerOptions demo(double timeScale) {
        Map<OperativeId, Skills> operatives = new LinkedHashMap<>();
        Map<OperativeId, String> endpoints = new LinkedHashMap<>();
        JsonArray endpointNames = new JsonArray();
        for (int n = 1; n <= DEMO_OPERATIVES; n++) {
            OperativeId id = OperativeId.of("op" + n);
            operatives.put(id, n <= 2 ? Skills.clinicallyQualified() : Skills.trained());
            endpoints.put(id, "op" + n);
            endpointNames.add("op" + n);
        }
        RoutingOptions routing = new RoutingOptions(RoutingOptions.standardLines(), operatives, endpoints,
                "08001234567", Duration.ofMinutes(2), Optional.of(Duration.ofSeconds(30)), Duration.ofSeconds(5),
                Duration.ofSeconds(2), timeScale);
        JsonObject pbx = new JsonObject().put("ami-port", 0).put("operative-endpoints", endpointNames)
                .put("heartbeat-stale", heartbeatStale(timeScale));
        return new ServerOptions(Map.of(), 0, pbx, routing, Duration.ofSeconds(10), Optional.empty());
    }

    /**
     * The simulated PBX measures the heartbeat's age in simulated time, while the AMI link refreshes it
     * every 5 s of real time: allow three missed refreshes at this time scale (never under the
     * dialplan's 30 s), or waiting callers would be sent to the fallback queue.
     */
    private static String heartbeatStale(double timeScale) {
        return Math.max(30, (long) Math.ceil(3 * 5 * timeScale)) + "s";
    }

    public ServerOptions withSimulatedPbx(JsonObject overrides) {
        return new ServerOptions(queue, ivrPort, simulatedPbx.copy().mergeIn(overrides), routing, summaryEvery,
                pseudonymKey);
    }

    public ServerOptions withRouting(RoutingOptions newRouting) {
        return new ServerOptions(queue, ivrPort, simulatedPbx, newRouting, summaryEvery, pseudonymKey);
    }

    public ServerOptions withQueue(Map<String, String> overrides) {
        Map<String, String> merged = new LinkedHashMap<>(queue);
        merged.putAll(overrides);
        return new ServerOptions(merged, ivrPort, simulatedPbx, routing, summaryEvery, pseudonymKey);
    }
}
