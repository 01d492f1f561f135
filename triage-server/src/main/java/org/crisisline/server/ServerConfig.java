package org.crisisline.server;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.crisisline.queue.config.QueueConfigReader;
import org.crisisline.queue.model.OperativeId;
import org.crisisline.queue.model.Skills;
import org.crisisline.server.audit.CallerPseudonym;
import org.crisisline.server.routing.RoutingOptions;

/**
 * Reads {@link ServerOptions} once at start: the shipped defaults ({@code server-defaults.json}, every
 * key a telephony admin can set), then a JSON file's values, then a few environment variables
 * ({@code CRISISLINE_TIME_SCALE}, {@code CRISISLINE_IVR_PORT}, {@code CRISISLINE_SUMMARY_EVERY},
 * {@code CRISISLINE_PSEUDONYM_KEY}). An unknown key or a bad value fails with a message naming the key.
 *
 * <p>Pure apart from reading the defaults from the classpath; thread-safe.
 */
public final class ServerConfig {
    private static final String DEFAULTS = "server-defaults.json";
    private static final Set<String> TOP = Set.of("time-scale", "summary-every", "pseudonym-key", "ivr", "queue",
            "simulated-pbx", "routing", "http", "security", "pathway", "softphone");
    private static final Set<String> ROUTING = Set.of("helpline-number", "announce-every", "ready-again-after",
            "pbx-retry-after", "store-timeout", "operatives");
    private static final Map<String, String> ENV = Map.of("CRISISLINE_TIME_SCALE", "time-scale",
            "CRISISLINE_SUMMARY_EVERY", "summary-every", "CRISISLINE_PSEUDONYM_KEY", "pseudonym-key",
            "CRISISLINE_IVR_PORT", "ivr.port", "CRISISLINE_HTTP_PORT", "http.port");

    private ServerConfig() {
    }

    /** The shipped defaults, as JSON. */
    public static JsonObject defaults() {
        try (InputStream in = ServerConfig.class.getResourceAsStream(DEFAULTS)) {
            if (in == null) {
                throw new IllegalStateException(DEFAULTS + " is missing from the classpath");
            }
            return new JsonObject(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + DEFAULTS, e);
        }
    }

    /** The defaults, then {@code file}'s values (nested objects merged), then the environment. */
    public static ServerOptions read(JsonObject file, Map<String, String> env) {
        refuseUnknown("", file, TOP);
        refuseUnknown("routing.", file.getJsonObject("routing", new JsonObject()), ROUTING);
        refuseUnknown("ivr.", file.getJsonObject("ivr", new JsonObject()), Set.of("port"));
        refuseUnknown("http.", file.getJsonObject("http", new JsonObject()), Set.of("host", "port"));
        JsonObject c = defaults().mergeIn(file, true);
        ENV.forEach((variable, key) -> {
            String value = env.get(variable);
            if (value != null) {
                put(c, key, value);
            }
        });
        return build(c);
    }

    private static ServerOptions build(JsonObject c) {
        double timeScale = number(c, "time-scale");
        JsonObject r = c.getJsonObject("routing");
        Map<OperativeId, Skills> operatives = new LinkedHashMap<>();
        Map<OperativeId, String> endpoints = new LinkedHashMap<>();
        JsonArray endpointNames = new JsonArray();
        for (Object entry : array(r, "routing.operatives")) {
            String[] parts = String.valueOf(entry).split(":", 2);
            if (parts[0].isBlank() || (parts.length == 2 && !parts[1].equals("clinical"))) {
                throw new IllegalArgumentException("routing.operatives: 'id' or 'id:clinical', got '" + entry + "'");
            }
            OperativeId id = OperativeId.of(parts[0]);
            operatives.put(id, parts.length == 2 ? Skills.clinicallyQualified() : Skills.trained());
            endpoints.put(id, parts[0]);
            endpointNames.add(parts[0]);
        }
        String readyAgain = text(r, "routing.ready-again-after");
        RoutingOptions routing = new RoutingOptions(RoutingOptions.standardLines(), operatives, endpoints,
                text(r, "routing.helpline-number"), duration(r, "routing.announce-every"),
                readyAgain.equals("never") ? Optional.empty() : Optional.of(duration(r, "routing.ready-again-after")),
                duration(r, "routing.pbx-retry-after"), duration(r, "routing.store-timeout"), timeScale);
        JsonObject pbx = c.getJsonObject("simulated-pbx").copy();
        if (!pbx.containsKey("operative-endpoints")) {
            pbx.put("operative-endpoints", endpointNames);
        }
        if (!pbx.containsKey("heartbeat-stale")) {
            pbx.put("heartbeat-stale", heartbeatStale(timeScale));
        }
        Map<String, String> queue = new LinkedHashMap<>();
        c.getJsonObject("queue").forEach(e -> queue.put(e.getKey(), String.valueOf(e.getValue())));
        String key = text(c, "pseudonym-key");
        if (!key.isEmpty()) {
            try {
                CallerPseudonym.fromBase64(key);
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("pseudonym-key: Base64 of at least " + CallerPseudonym.MIN_KEY_BYTES
                        + " random bytes (" + e.getMessage() + ")");
            }
        }
        JsonObject http = c.getJsonObject("http");
        Map<String, String> security = new LinkedHashMap<>();
        c.getJsonObject("security").forEach(e -> security.put(e.getKey(), String.valueOf(e.getValue())));
        Map<String, String> pathway = new LinkedHashMap<>();
        c.getJsonObject("pathway").forEach(e -> pathway.put(e.getKey(), String.valueOf(e.getValue())));
        return new ServerOptions(queue, (int) number(c.getJsonObject("ivr"), "ivr.port"), pbx, routing,
                duration(c, "summary-every"), key.isEmpty() ? Optional.empty() : Optional.of(key),
                new ServerOptions.Http(text(http, "http.host"), (int) number(http, "http.port")), security, pathway,
                c.getJsonObject("softphone"));
    }

    /**
     * The simulated PBX measures the heartbeat's age in simulated time, while the AMI link refreshes it
     * every 5 s of real time: allow three missed refreshes at this time scale (never under the
     * dialplan's 30 s), or waiting callers would be sent to the fallback queue.
     */
    static String heartbeatStale(double timeScale) {
        return Math.max(30, (long) Math.ceil(3 * 5 * timeScale)) + "s";
    }

    private static void put(JsonObject c, String key, String value) {
        int dot = key.indexOf('.');
        if (dot < 0) {
            c.put(key, value);
        } else {
            c.getJsonObject(key.substring(0, dot)).put(key.substring(dot + 1), value);
        }
    }

    private static void refuseUnknown(String prefix, JsonObject json, Set<String> known) {
        for (String key : json.fieldNames()) {
            if (!known.contains(key)) {
                throw new IllegalArgumentException(prefix + key + ": unknown key");
            }
        }
    }

    private static String lastPart(String key) {
        return key.substring(key.lastIndexOf('.') + 1);
    }

    private static String text(JsonObject json, String key) {
        Object value = json.getValue(lastPart(key));
        if (value == null) {
            throw new IllegalArgumentException(key + ": missing");
        }
        return String.valueOf(value).trim();
    }

    private static double number(JsonObject json, String key) {
        String value = text(json, key);
        try {
            return Double.parseDouble(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + ": not a number: '" + value + "'");
        }
    }

    private static Duration duration(JsonObject json, String key) {
        String value = text(json, key);
        try {
            return QueueConfigReader.parseDuration(value);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(key + ": not a duration (e.g. 30s, 2m): '" + value + "'");
        }
    }

    private static JsonArray array(JsonObject json, String key) {
        Object value = json.getValue(lastPart(key));
        if (!(value instanceof JsonArray array)) {
            throw new IllegalArgumentException(key + ": must be a list");
        }
        return array;
    }
}
