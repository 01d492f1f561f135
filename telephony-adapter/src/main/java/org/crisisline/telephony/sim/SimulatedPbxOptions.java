package org.crisisline.telephony.sim;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Configuration of the simulated PBX, read once from JSON with kebab-case keys onto
 * {@link #DEFAULTS} (the demo's values, all in this one place). A bad value fails with an
 * {@link IllegalArgumentException} that names the key.
 *
 * <p>Times are simulated time; {@code time-scale} makes simulated time run faster than real time
 * (the Vert.x timers are divided by it). Immutable and thread-safe.
 */
public record SimulatedPbxOptions(
        String amiHost, int amiPort, String amiUsername, String amiSecret,
        String agiHost, int agiPort, Duration agiTimeout,
        List<HelplineLine> lines, List<KeypadScript> keypadScripts,
        Delay callerPatience, Delay talkTime, double withheldNumberProbability,
        List<String> operativeEndpoints, Delay operativeRing, double operativeNoAnswerProbability,
        Duration ringTimeout,
        Delay calleeRing, double calleeAnswerProbability, double calleeBusyProbability,
        int fallbackAgents, Delay fallbackAgentRing,
        Duration heartbeatStale, Duration holdCheck, Duration announceTime, String emergencyNumber,
        double timeScale, long seed, boolean noiseEvents, Duration loginFailureDelay, String systemName) {

    /** Every key and its default: what a telephony admin reads to know what can be set. */
    public static final JsonObject DEFAULTS = new JsonObject()
            .put("ami-host", "127.0.0.1")
            .put("ami-port", 5038)
            .put("ami-username", "crisisline")
            .put("ami-secret", "crisisline-sim-secret")
            .put("agi-host", "127.0.0.1")
            .put("agi-port", 4573)
            .put("agi-timeout", "2m")
            .put("lines", new JsonArray()
                    .add(new JsonObject().put("name", "crisis").put("did", "08001234567").put("calls-per-hour", 60))
                    .add(new JsonObject().put("name", "young-people").put("did", "08007654321")
                            .put("calls-per-hour", 20)))
            .put("keypad-scripts", new JsonArray()
                    // Answers in the order the shipped IVR asks (agi/IvrFlow): language (1 English),
                    // immediate danger (1 yes, 2 no), then, if a callback is offered: 1 keep my place,
                    // number read back (1 right, 2 type another), consent to keep it (1 yes).
                    .add(script("danger-now", 1, "1", "1"))
                    .add(script("no-danger-keep-waiting", 6, "1", "2", "3"))
                    .add(script("take-callback", 2, "1", "2", "1", "1", "1"))
                    .add(script("typed-number", 1, "1", "2", "1", "2", "07700900456#", "1"))
                    .add(script("silent", 1))
                    .add(script("hangs-up-in-ivr", 0.5, "hangup")))
            .put("caller-patience", "exponential 6m")
            .put("talk-time", "exponential 4m")
            .put("withheld-number-probability", 0.05)
            .put("operative-endpoints", new JsonArray(List.of("op1", "op2", "op3", "op4", "op5", "op6")))
            .put("operative-ring", "uniform 2s 6s")
            .put("operative-no-answer-probability", 0.05)
            .put("ring-timeout", "20s")
            .put("callee-ring", "uniform 3s 15s")
            .put("callee-answer-probability", 0.7)
            .put("callee-busy-probability", 0.1)
            .put("fallback-agents", 2)
            .put("fallback-agent-ring", "2s")
            .put("heartbeat-stale", "30s")
            .put("hold-check", "20s")
            .put("announce-time", "6s")
            .put("emergency-number", "999")
            .put("time-scale", 1.0)
            .put("seed", 42L)
            .put("noise-events", true)
            .put("login-failure-delay", "1s")
            // asterisk.conf's systemname: set, every Uniqueid is "<name>-<epoch>.<seq>", unique across PBXs.
            .put("system-name", "");

    public SimulatedPbxOptions {
        requireText("ami-host", amiHost);
        requirePort("ami-port", amiPort);
        requireText("ami-username", amiUsername);
        requireText("ami-secret", amiSecret);
        requireText("agi-host", agiHost);
        requirePort("agi-port", agiPort);
        requirePositive("agi-timeout", agiTimeout);
        lines = List.copyOf(lines);
        keypadScripts = List.copyOf(keypadScripts);
        operativeEndpoints = List.copyOf(operativeEndpoints);
        if (keypadScripts.isEmpty() || keypadScripts.stream().mapToDouble(KeypadScript::weight).sum() <= 0) {
            throw bad("keypad-scripts", "needs at least one script with a weight above 0");
        }
        for (String endpoint : operativeEndpoints) {
            if (!endpoint.matches("[A-Za-z0-9_-]+")) {
                throw bad("operative-endpoints", "not an endpoint name: '" + endpoint + "'");
            }
        }
        requireProbability("withheld-number-probability", withheldNumberProbability);
        requireProbability("operative-no-answer-probability", operativeNoAnswerProbability);
        requirePositive("ring-timeout", ringTimeout);
        requireProbability("callee-answer-probability", calleeAnswerProbability);
        requireProbability("callee-busy-probability", calleeBusyProbability);
        if (calleeAnswerProbability + calleeBusyProbability > 1.0) {
            throw bad("callee-busy-probability", "callee-answer-probability + callee-busy-probability > 1");
        }
        if (fallbackAgents < 0) {
            throw bad("fallback-agents", "must be >= 0");
        }
        requirePositive("heartbeat-stale", heartbeatStale);
        requirePositive("hold-check", holdCheck);
        requirePositive("announce-time", announceTime);
        requireText("emergency-number", emergencyNumber);
        if (!(timeScale > 0) || Double.isInfinite(timeScale)) {
            throw bad("time-scale", "must be > 0");
        }
        Objects.requireNonNull(loginFailureDelay, "login-failure-delay");
    }

    /** The demo defaults. */
    public static SimulatedPbxOptions defaults() {
        return fromJson(new JsonObject());
    }

    /** Reads {@code json} on top of {@link #DEFAULTS}; unknown keys are refused. */
    public static SimulatedPbxOptions fromJson(JsonObject json) {
        for (String key : json.fieldNames()) {
            if (!DEFAULTS.containsKey(key)) {
                throw bad(key, "unknown key");
            }
        }
        JsonObject c = DEFAULTS.copy().mergeIn(json);
        return new SimulatedPbxOptions(
                string(c, "ami-host"), integer(c, "ami-port"), string(c, "ami-username"), string(c, "ami-secret"),
                string(c, "agi-host"), integer(c, "agi-port"), duration(c, "agi-timeout"),
                lines(c), scripts(c),
                delay(c, "caller-patience"), delay(c, "talk-time"), number(c, "withheld-number-probability"),
                strings(c, "operative-endpoints"), delay(c, "operative-ring"),
                number(c, "operative-no-answer-probability"), duration(c, "ring-timeout"),
                delay(c, "callee-ring"), number(c, "callee-answer-probability"),
                number(c, "callee-busy-probability"),
                integer(c, "fallback-agents"), delay(c, "fallback-agent-ring"),
                duration(c, "heartbeat-stale"), duration(c, "hold-check"), duration(c, "announce-time"),
                string(c, "emergency-number"),
                number(c, "time-scale"), longValue(c, "seed"), bool(c, "noise-events"),
                duration(c, "login-failure-delay"), string(c, "system-name"));
    }

    private static JsonObject script(String name, double weight, String... answers) {
        return new JsonObject().put("name", name).put("weight", weight).put("answers", new JsonArray(List.of(answers)));
    }

    private static List<HelplineLine> lines(JsonObject c) {
        List<HelplineLine> lines = new ArrayList<>();
        for (Object item : array(c, "lines")) {
            try {
                JsonObject line = (JsonObject) item;
                lines.add(new HelplineLine(line.getString("name"), line.getString("did"),
                        line.getDouble("calls-per-hour", 0.0)));
            } catch (RuntimeException e) {
                throw bad("lines", e.getMessage());
            }
        }
        return lines;
    }

    private static List<KeypadScript> scripts(JsonObject c) {
        List<KeypadScript> scripts = new ArrayList<>();
        for (Object item : array(c, "keypad-scripts")) {
            try {
                JsonObject script = (JsonObject) item;
                List<String> answers = new ArrayList<>();
                script.getJsonArray("answers", new JsonArray()).forEach(a -> answers.add(String.valueOf(a)));
                scripts.add(new KeypadScript(script.getString("name"), script.getDouble("weight", 1.0), answers));
            } catch (RuntimeException e) {
                throw bad("keypad-scripts", e.getMessage());
            }
        }
        return scripts;
    }

    private static JsonArray array(JsonObject c, String key) {
        try {
            return Objects.requireNonNull(c.getJsonArray(key), "missing");
        } catch (RuntimeException e) {
            throw bad(key, "must be a list");
        }
    }

    private static List<String> strings(JsonObject c, String key) {
        List<String> values = new ArrayList<>();
        array(c, key).forEach(v -> values.add(String.valueOf(v)));
        return values;
    }

    private static String string(JsonObject c, String key) {
        Object value = c.getValue(key);
        if (!(value instanceof String text)) {
            throw bad(key, "must be text");
        }
        return text;
    }

    private static Number numeric(JsonObject c, String key) {
        Object value = c.getValue(key);
        if (!(value instanceof Number n)) {
            throw bad(key, "must be a number");
        }
        return n;
    }

    private static int integer(JsonObject c, String key) {
        return numeric(c, key).intValue();
    }

    private static long longValue(JsonObject c, String key) {
        return numeric(c, key).longValue();
    }

    private static double number(JsonObject c, String key) {
        return numeric(c, key).doubleValue();
    }

    private static boolean bool(JsonObject c, String key) {
        Object value = c.getValue(key);
        if (!(value instanceof Boolean b)) {
            throw bad(key, "must be true or false");
        }
        return b;
    }

    private static Duration duration(JsonObject c, String key) {
        try {
            return Delay.duration(string(c, key));
        } catch (IllegalArgumentException e) {
            throw e.getMessage().startsWith("simulated-pbx.") ? e : bad(key, e.getMessage());
        }
    }

    private static Delay delay(JsonObject c, String key) {
        try {
            return Delay.parse(string(c, key));
        } catch (IllegalArgumentException e) {
            throw e.getMessage().startsWith("simulated-pbx.") ? e : bad(key, e.getMessage());
        }
    }

    private static IllegalArgumentException bad(String key, String problem) {
        return new IllegalArgumentException("simulated-pbx." + key + ": " + problem);
    }

    private static void requireText(String key, String value) {
        if (value == null || value.isBlank()) {
            throw bad(key, "must not be empty");
        }
    }

    private static void requirePort(String key, int port) {
        if (port < 0 || port > 65535) {
            throw bad(key, "must be a port 0-65535");
        }
    }

    private static void requirePositive(String key, Duration value) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw bad(key, "must be longer than 0");
        }
    }

    private static void requireProbability(String key, double value) {
        if (!(value >= 0 && value <= 1)) {
            throw bad(key, "must be between 0 and 1");
        }
    }
}
