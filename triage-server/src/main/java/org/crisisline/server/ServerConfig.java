package org.crisisline.server;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.crisisline.queue.config.QueueConfigReader;
import org.crisisline.queue.model.OperativeId;
import org.crisisline.queue.model.Skills;
import org.crisisline.server.audit.CallerPseudonym;
import org.crisisline.server.auth.config.SecuritySettingsReader;
import org.crisisline.server.pathway.config.PathwaySettingsReader;
import org.crisisline.server.routing.RoutingOptions;
import org.crisisline.server.softphone.SoftphoneSettingsReader;
import org.crisisline.telephony.ami.AmiOptions;
import org.crisisline.telephony.sim.SimulatedPbxOptions;

/**
 * Reads {@link ServerOptions} once at start from one file's worth of settings: the shipped defaults
 * ({@code server-defaults.json}, every key a telephony admin can set, in sections {@code store},
 * {@code queue}, {@code pbx}, {@code ivr}, {@code http}, {@code routing}, {@code security},
 * {@code pathway}, {@code audit}), then a JSON file's values, then the environment variables in
 * {@link #ENVIRONMENT} (the secrets and addresses a deployment sets). Every section is validated here,
 * the security and pathway ones by their own readers, so an unknown key or a bad value fails start-up
 * with a message naming the key.
 *
 * <p>Pure apart from reading the defaults from the classpath; thread-safe.
 */
public final class ServerConfig {
    private static final String DEFAULTS = "server-defaults.json";
    private static final Set<String> TOP = Set.of("time-scale", "summary-every", "store", "queue", "pbx", "ivr",
            "http", "routing", "security", "pathway", "audit", "softphone");
    private static final Map<String, Set<String>> SECTIONS = Map.of(
            "store", Set.of("type", "redis-url", "key-prefix", "line-group", "timeout", "snapshot-every",
                    "callback-number-ttl"),
            "pbx", Set.of("simulated", "simulator", "connections"),
            "routing", Set.of("helpline-number", "announce-every", "ready-again-after", "pbx-retry-after",
                    "store-timeout", "operatives",
                    "transfer-numbers"),
            "ivr", Set.of("port"),
            "http", Set.of("host", "port"));
    private static final Set<String> AMI_CONNECTION_KEYS = amiConnectionKeys();
    /** Environment variable to the key it overrides ({@code pbx.connections.secret}: every connection's). */
    static final Map<String, String> ENVIRONMENT = Map.ofEntries(
            Map.entry("CRISISLINE_TIME_SCALE", "time-scale"),
            Map.entry("CRISISLINE_SUMMARY_EVERY", "summary-every"),
            Map.entry("CRISISLINE_PSEUDONYM_KEY", "audit.pseudonym-key"),
            Map.entry("CRISISLINE_AUDIT_FILE", "audit.file"),
            Map.entry("CRISISLINE_IVR_PORT", "ivr.port"),
            Map.entry("CRISISLINE_HTTP_HOST", "http.host"),
            Map.entry("CRISISLINE_HTTP_PORT", "http.port"),
            Map.entry("CRISISLINE_STORE_TYPE", "store.type"),
            Map.entry("CRISISLINE_REDIS_URL", "store.redis-url"),
            Map.entry("CRISISLINE_KEY_PREFIX", "store.key-prefix"),
            Map.entry("CRISISLINE_PBX_SIMULATED", "pbx.simulated"),
            Map.entry("CRISISLINE_AMI_SECRET", "pbx.connections.secret"),
            Map.entry("CRISISLINE_TEXT_URL", "pathway.text.url"),
            Map.entry("CRISISLINE_TEXT_TOKEN", "pathway.text.token"));

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
    /** The log format, read by logback.xml itself; checked here so that a typo stops start-up. */
    private static final String LOG_FORMAT = "CRISISLINE_LOG_FORMAT";

    public static ServerOptions read(JsonObject file, Map<String, String> env) {
        refuseUnknown("", file, TOP);
        SECTIONS.forEach((section, known) -> refuseUnknown(section + ".", object(file, section, new JsonObject()),
                known));
        String logFormat = env.getOrDefault(LOG_FORMAT, "json");
        if (!logFormat.equals("json") && !logFormat.equals("text")) {
            // logback.xml picks its appender by this name; any other would log nothing at all.
            throw new IllegalArgumentException(LOG_FORMAT + ": json or text, was '" + logFormat + "'");
        }
        JsonObject c = defaults().mergeIn(file, true);
        ENVIRONMENT.forEach((variable, key) -> {
            String value = env.get(variable);
            if (value != null) {
                put(c, key, value);
            }
        });
        return build(c);
    }

    private static ServerOptions build(JsonObject c) {
        double timeScale = number(c, "time-scale");
        RoutingOptions routing = routing(c.getJsonObject("routing"), timeScale);
        JsonObject pbxSection = c.getJsonObject("pbx");
        JsonObject simulator = object(pbxSection, "simulator", new JsonObject()).copy();
        if (!simulator.containsKey("operative-endpoints")) {
            // In the order listed (the routing's maps are unordered): the simulator's operatives are these.
            simulator.put("operative-endpoints", new JsonArray(array(c.getJsonObject("routing"), "routing.operatives")
                    .stream().map(entry -> String.valueOf(entry).split(":", 2)[0]).toList()));
        }
        if (!simulator.containsKey("heartbeat-stale")) {
            simulator.put("heartbeat-stale", heartbeatStale(timeScale));
        }
        ServerOptions.Pbx pbx = new ServerOptions.Pbx(flag(pbxSection, "pbx.simulated"),
                amiConnections(array(pbxSection, "pbx.connections")));
        if (pbx.simulated()) {
            SimulatedPbxOptions.fromJson(simulator.copy().put("time-scale", timeScale));
        }
        Map<String, String> queue = flatten(c.getJsonObject("queue"));
        QueueConfigReader.read(queue);
        JsonObject audit = c.getJsonObject("audit").copy();
        Object rawKey = audit.remove("pseudonym-key");
        String key = rawKey == null ? "" : String.valueOf(rawKey).trim();
        if (!key.isEmpty()) {
            CallerPseudonym.fromBase64(key);
        }
        Map<String, String> security = flatten(c.getJsonObject("security"));
        security.keySet().stream().filter(securityKey -> securityKey.startsWith("audit.")).findFirst()
                .ifPresent(auditKey -> {
                    throw new IllegalArgumentException("security." + auditKey + ": set it in the audit section, as "
                            + auditKey);
                });
        flatten(audit).forEach((auditKey, value) -> security.put("audit." + auditKey, value));
        SecuritySettingsReader.read(security);
        Map<String, String> pathway = new LinkedHashMap<>();
        flatten(c.getJsonObject("pathway")).forEach((pathwayKey, value) ->
                pathway.put(pathwayKey.startsWith("pathway.") ? pathwayKey : "pathway." + pathwayKey, value));
        PathwaySettingsReader.read(pathway);
        SoftphoneSettingsReader.read(c.getJsonObject("softphone"));
        JsonObject http = c.getJsonObject("http");
        return new ServerOptions(queue, (int) number(c.getJsonObject("ivr"), "ivr.port"), simulator, routing,
                duration(c, "summary-every"), key.isEmpty() ? Optional.empty() : Optional.of(key),
                new ServerOptions.Http(text(http, "http.host"), (int) number(http, "http.port")), security,
                store(c.getJsonObject("store")), pbx, pathway,
                c.getJsonObject("softphone"));
    }

    private static RoutingOptions routing(JsonObject r, double timeScale) {
        Map<OperativeId, Skills> operatives = new LinkedHashMap<>();
        Map<OperativeId, String> endpoints = new LinkedHashMap<>();
        for (Object entry : array(r, "routing.operatives")) {
            String[] parts = String.valueOf(entry).split(":", 2);
            if (parts[0].isBlank() || (parts.length == 2 && !parts[1].equals("clinical"))) {
                throw new IllegalArgumentException("routing.operatives: 'id' or 'id:clinical', got '" + entry + "'");
            }
            OperativeId id = OperativeId.of(parts[0]);
            operatives.put(id, parts.length == 2 ? Skills.clinicallyQualified() : Skills.trained());
            endpoints.put(id, parts[0]);
        }
        String readyAgain = text(r, "routing.ready-again-after");
        return new RoutingOptions(RoutingOptions.standardLines(), operatives, endpoints,
                text(r, "routing.helpline-number"), duration(r, "routing.announce-every"),
                readyAgain.equals("never") ? Optional.empty() : Optional.of(duration(r, "routing.ready-again-after")),
                duration(r, "routing.pbx-retry-after"), duration(r, "routing.store-timeout"), timeScale,
                transferNumbers(object(r, "transfer-numbers", new JsonObject())));
    }

    /** {@code routing.transfer-numbers}: {@code {"name for people": "number"}}; RoutingOptions checks the numbers. */
    private static Map<String, String> transferNumbers(JsonObject numbers) {
        Map<String, String> byName = new LinkedHashMap<>();
        numbers.forEach(entry -> byName.put(entry.getKey(), text(numbers, "routing.transfer-numbers." + entry.getKey())));
        return byName;
    }

    private static ServerOptions.Store store(JsonObject s) {
        String type = text(s, "store.type");
        if (!type.equals("memory") && !type.equals("redis")) {
            throw new IllegalArgumentException("store.type: 'memory' or 'redis', got '" + type + "'");
        }
        return new ServerOptions.Store(ServerOptions.StoreType.valueOf(type.toUpperCase(Locale.ROOT)),
                text(s, "store.redis-url"), text(s, "store.key-prefix"), text(s, "store.line-group"),
                duration(s, "store.timeout"), (int) number(s, "store.snapshot-every"),
                duration(s, "store.callback-number-ttl"));
    }

    /** Each entry of {@code pbx.connections}, read by the adapter's own reader; errors name the entry. */
    private static List<AmiOptions> amiConnections(JsonArray connections) {
        List<AmiOptions> read = new ArrayList<>();
        for (int i = 0; i < connections.size(); i++) {
            String prefix = "pbx.connections[" + i + "].";
            if (!(connections.getValue(i) instanceof JsonObject connection)) {
                throw new IllegalArgumentException(prefix.substring(0, prefix.length() - 1) + ": must be an object");
            }
            refuseUnknown(prefix, connection, AMI_CONNECTION_KEYS);
            try {
                read.add(AmiOptions.fromJson(connection));
            } catch (RuntimeException e) {
                throw new IllegalArgumentException(prefix + e.getMessage());
            }
        }
        return read;
    }

    private static Set<String> amiConnectionKeys() {
        Set<String> keys = new HashSet<>(AmiOptions.DEFAULTS.fieldNames());
        keys.addAll(List.of("pbx", "host", "username", "secret"));
        return Set.copyOf(keys);
    }

    /**
     * A section as flat keys: nested objects joined with dots ({@code {"cafe": {"soon-window": "2h"}}}
     * and {@code {"cafe.soon-window": "2h"}} are the same key), values as text.
     */
    static Map<String, String> flatten(JsonObject section) {
        Map<String, String> flat = new LinkedHashMap<>();
        section.forEach(entry -> {
            if (entry.getValue() instanceof JsonObject nested) {
                flatten(nested).forEach((key, value) -> flat.put(entry.getKey() + "." + key, value));
            } else {
                flat.put(entry.getKey(), String.valueOf(entry.getValue()));
            }
        });
        return flat;
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
        if (key.equals("pbx.connections.secret")) {
            c.getJsonObject("pbx").getJsonArray("connections").forEach(connection -> {
                if (connection instanceof JsonObject object) {
                    object.put("secret", value);
                }
            });
            return;
        }
        int dot = key.indexOf('.');
        if (dot < 0) {
            c.put(key, value);
        } else {
            c.getJsonObject(key.substring(0, dot)).put(key.substring(dot + 1), value);
        }
    }

    private static JsonObject object(JsonObject json, String key, JsonObject absent) {
        Object value = json.getValue(key);
        if (value == null) {
            return absent;
        }
        if (!(value instanceof JsonObject object)) {
            throw new IllegalArgumentException(key + ": must be an object");
        }
        return object;
    }

    private static boolean flag(JsonObject json, String key) {
        String value = text(json, key);
        if (!value.equals("true") && !value.equals("false")) {
            throw new IllegalArgumentException(key + ": true or false, got '" + value + "'");
        }
        return Boolean.parseBoolean(value);
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
