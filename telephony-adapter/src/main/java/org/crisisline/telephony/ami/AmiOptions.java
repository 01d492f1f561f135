package org.crisisline.telephony.ami;

import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * How to reach and treat one PBX over AMI. Read once at start-up with {@link #fromJson}; a bad value
 * fails with an {@link IllegalArgumentException} that names its kebab-case key. Every default is in
 * {@link #DEFAULTS}, the one place a telephony admin reads.
 *
 * <p>{@code lines} maps a dialplan context to Crisisline's line name ({@code crisisline-inbound} to
 * {@code crisis}). {@code operativeChannel} matches the channel names of operatives' endpoints; its
 * first capture group, if any, is the endpoint's name. {@code ringTimeout} is how long an Originate
 * rings its first leg; {@code originateTimeout}, longer, how long Crisisline waits for the outcome.
 * {@link #toString()} never shows the secret.
 */
public record AmiOptions(String pbx, String host, int port, String username, String secret, Map<String, String> lines,
                         Pattern operativeChannel, Duration loginTimeout, Duration actionTimeout,
                         Duration ringTimeout, Duration originateTimeout, Duration pingInterval, Duration pingTimeout,
                         Duration heartbeatInterval, Duration reconnectInitial, Duration reconnectMax) {
    /** Every default, with the keys of {@link #fromJson}. */
    public static final JsonObject DEFAULTS = new JsonObject()
            .put("port", 5038)
            .put("lines", new JsonObject().put("crisisline-inbound", "crisis"))
            .put("operative-channel-pattern", "^PJSIP/([^-]+)-.*")
            .put("login-timeout-ms", 5_000)
            .put("action-timeout-ms", 5_000)
            .put("ring-timeout-ms", 30_000)
            .put("originate-timeout-ms", 45_000)
            .put("ping-interval-ms", 5_000)
            .put("ping-timeout-ms", 3_000)
            .put("heartbeat-interval-ms", 5_000)
            .put("reconnect-initial-ms", 500)
            .put("reconnect-max-ms", 30_000);

    public AmiOptions {
        pbx = required("pbx", pbx);
        host = required("host", host);
        username = required("username", username);
        secret = required("secret", secret);
        if (port < 1 || port > 65_535) {
            throw new IllegalArgumentException("port: must be 1..65535, got " + port);
        }
        Objects.requireNonNull(lines, "lines");
        if (lines.isEmpty()) {
            throw new IllegalArgumentException("lines: at least one dialplan context must map to a line");
        }
        lines.forEach((context, line) -> {
            required("lines." + context, line);
        });
        lines = Map.copyOf(lines);
        Objects.requireNonNull(operativeChannel, "operative-channel-pattern");
        positive("login-timeout-ms", loginTimeout);
        positive("action-timeout-ms", actionTimeout);
        positive("ring-timeout-ms", ringTimeout);
        positive("originate-timeout-ms", originateTimeout);
        if (originateTimeout.compareTo(ringTimeout) <= 0) {
            // Asterisk reports an unanswered Originate when the ring time is up: wait longer than that.
            throw new IllegalArgumentException("originate-timeout-ms: must be above ring-timeout-ms");
        }
        positive("ping-interval-ms", pingInterval);
        positive("ping-timeout-ms", pingTimeout);
        positive("heartbeat-interval-ms", heartbeatInterval);
        positive("reconnect-initial-ms", reconnectInitial);
        positive("reconnect-max-ms", reconnectMax);
        if (reconnectMax.compareTo(reconnectInitial) < 0) {
            throw new IllegalArgumentException("reconnect-max-ms: must not be below reconnect-initial-ms");
        }
    }

    /**
     * Reads the options of one PBX: {@code pbx}, {@code host}, {@code username} and {@code secret} are
     * required; everything else falls back to {@link #DEFAULTS}.
     */
    public static AmiOptions fromJson(JsonObject json) {
        JsonObject config = DEFAULTS.copy().mergeIn(json, false);
        Map<String, String> lines = new LinkedHashMap<>();
        config.getJsonObject("lines").forEach(entry -> lines.put(entry.getKey(), String.valueOf(entry.getValue())));
        return new AmiOptions(
                text(config, "pbx"), text(config, "host"), integer(config, "port"),
                text(config, "username"), text(config, "secret"), lines,
                pattern(text(config, "operative-channel-pattern")),
                millis(config, "login-timeout-ms"), millis(config, "action-timeout-ms"),
                millis(config, "ring-timeout-ms"), millis(config, "originate-timeout-ms"), millis(config, "ping-interval-ms"),
                millis(config, "ping-timeout-ms"), millis(config, "heartbeat-interval-ms"),
                millis(config, "reconnect-initial-ms"), millis(config, "reconnect-max-ms"));
    }

    /** The line a dialplan context belongs to, or null. */
    String lineOf(String context) {
        return context == null ? null : lines.get(context);
    }

    @Override
    public String toString() {
        return "AmiOptions[pbx=" + pbx + ", host=" + host + ", port=" + port + ", username=" + username
                + ", secret=****, lines=" + lines + ", operativeChannel=" + operativeChannel + "]";
    }

    private static String required(String key, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(key + ": required");
        }
        return value;
    }

    private static void positive(String key, Duration value) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(key + ": must be a positive number of milliseconds, got " + value);
        }
    }

    private static String text(JsonObject config, String key) {
        Object value = config.getValue(key);
        return value == null ? null : String.valueOf(value);
    }

    private static int integer(JsonObject config, String key) {
        Object value = config.getValue(key);
        if (value instanceof Number number) {
            return number.intValue();
        }
        try {
            return Integer.parseInt(String.valueOf(value));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + ": not a number: " + value, e);
        }
    }

    private static Duration millis(JsonObject config, String key) {
        return Duration.ofMillis(integer(config, key));
    }

    private static Pattern pattern(String regex) {
        try {
            return Pattern.compile(required("operative-channel-pattern", regex));
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException("operative-channel-pattern: not a regular expression: "
                    + e.getDescription(), e);
        }
    }
}
