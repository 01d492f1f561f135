package org.crisisline.server.auth.config;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.crisisline.queue.config.QueueConfigReader;
import org.crisisline.queue.config.ShippedProperties;
import org.crisisline.server.auth.Argon2Settings;
import org.crisisline.server.auth.AuthConfigException;
import org.crisisline.server.auth.SessionSettings;
import org.crisisline.server.auth.ThrottleSettings;

/**
 * Builds {@link SecuritySettings} from kebab-case keys over the shipped defaults in
 * {@code security-defaults.properties}, the one file that holds every security default. An unknown key or
 * a bad value fails with an {@link AuthConfigException} naming the key. Reads its own classpath resource
 * once (at class load); otherwise pure. Same conventions as the pathways' settings reader (durations like
 * {@code 30s}, {@code 15m}, {@code 12h}).
 */
public final class SecuritySettingsReader {
    private static final String DEFAULTS = "security-defaults.properties";
    private static final Map<String, String> SHIPPED = loadShippedDefaults();

    private SecuritySettingsReader() {
    }

    /** Every key security understands, with its shipped default. */
    public static Map<String, String> shippedDefaults() {
        return SHIPPED;
    }

    public static SecuritySettings defaults() {
        return read(Map.of());
    }

    /** @param overrides keys as in {@code security-defaults.properties}; they win over the defaults */
    public static SecuritySettings read(Map<String, String> overrides) {
        Set<String> unknown = new TreeSet<>(overrides.keySet());
        unknown.removeAll(SHIPPED.keySet());
        if (!unknown.isEmpty()) {
            throw new AuthConfigException(unknown.iterator().next(), "is not a security setting");
        }
        Map<String, String> values = new HashMap<>(SHIPPED);
        values.putAll(overrides);
        return new SecuritySettings(
                new Argon2Settings(count(values, "auth.argon2.memory-kib"), count(values, "auth.argon2.iterations"),
                        count(values, "auth.argon2.parallelism")),
                new ThrottleSettings(count(values, "auth.login.max-failures-per-user"),
                        count(values, "auth.login.max-failures-per-address"), duration(values, "auth.login.window"),
                        duration(values, "auth.login.first-lockout"), count(values, "auth.login.max-tracked")),
                new SessionSettings(duration(values, "auth.session.idle-timeout"),
                        duration(values, "auth.session.absolute-lifetime"), text(values, "auth.session.cookie-name"),
                        flag(values, "auth.session.cookie-secure"), count(values, "auth.session.max-sessions")),
                count(values, "auth.http.max-body-bytes"),
                path(values, "audit.file"));
    }

    private static Duration duration(Map<String, String> values, String key) {
        try {
            return QueueConfigReader.parseDuration(text(values, key));
        } catch (RuntimeException e) {
            if (e instanceof AuthConfigException known) {
                throw known;
            }
            throw new AuthConfigException(key, "is not a duration like 30s, 15m or 12h (got '" + values.get(key) + "')");
        }
    }

    private static int count(Map<String, String> values, String key) {
        try {
            return Integer.parseInt(text(values, key));
        } catch (NumberFormatException e) {
            throw new AuthConfigException(key, "is not a whole number (got '" + values.get(key) + "')");
        }
    }

    private static boolean flag(Map<String, String> values, String key) {
        String value = text(values, key);
        if (!value.equals("true") && !value.equals("false")) {
            throw new AuthConfigException(key, "is true or false (got '" + value + "')");
        }
        return Boolean.parseBoolean(value);
    }

    private static Path path(Map<String, String> values, String key) {
        try {
            return Path.of(text(values, key));
        } catch (InvalidPathException e) {
            throw new AuthConfigException(key, "is not a file path (got '" + values.get(key) + "')");
        }
    }

    private static String text(Map<String, String> values, String key) {
        String value = values.get(key);
        if (value == null || value.isBlank()) {
            throw new AuthConfigException(key, "is missing");
        }
        return value.trim();
    }

    private static Map<String, String> loadShippedDefaults() {
        return ShippedProperties.load(SecuritySettingsReader.class, DEFAULTS);
    }
}
