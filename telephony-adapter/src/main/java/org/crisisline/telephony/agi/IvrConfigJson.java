package org.crisisline.telephony.agi;

import static java.util.stream.Collectors.toSet;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Reads {@link IvrServerOptions} from JSON with kebab-case keys, every key optional and defaulting to
 * {@link IvrServerOptions#defaults()}. An unknown key or a value of the wrong kind fails with a message
 * naming the key, e.g. {@code ivr.key-timeout-ms}. Durations are whole milliseconds ({@code -ms} keys).
 * Example:
 * <pre>{@code
 * { "host": "0.0.0.0", "port": 4573, "pool-size": 10, "maximum-pool-size": 500,
 *   "socket-read-timeout-ms": 60000, "max-line-length": 8192,
 *   "ivr": { "languages": [ { "code": "en", "key": "1" },
 *                           { "code": "cy", "key": "2", "prompts": { "welcome": "custom/cy/croeso" } } ],
 *            "language-menu": "crisisline/language-menu",
 *            "line-tiers": { "crisis": 2, "professionals": 1, "support": 3 }, "unknown-line-tier": 2,
 *            "key-timeout-ms": 5000, "number-timeout-ms": 20000, "queue-timeout-ms": 2000, "attempts": 2,
 *            "min-number-digits": 10, "max-number-digits": 13, "max-slots": 3, "zone": "Europe/London" } }
 * }</pre>
 */
final class IvrConfigJson {
    private static final Set<String> SERVER_KEYS = Set.of("host", "port", "pool-size", "maximum-pool-size",
            "socket-read-timeout-ms", "max-line-length", "ivr");
    private static final Set<String> IVR_KEYS = Set.of("languages", "language-menu", "line-tiers",
            "unknown-line-tier", "key-timeout-ms", "number-timeout-ms", "queue-timeout-ms", "attempts",
            "min-number-digits", "max-number-digits", "max-slots", "zone");
    private static final Set<String> LANGUAGE_KEYS = Set.of("code", "key", "prompts");

    private IvrConfigJson() {
    }

    static IvrServerOptions read(JsonObject json) {
        IvrServerOptions d = IvrServerOptions.defaults();
        known("", json, SERVER_KEYS);
        JsonObject ivr = value("ivr", () -> json.getJsonObject("ivr", new JsonObject()));
        return new IvrServerOptions(
                value("host", () -> json.getString("host", d.host())),
                value("port", () -> json.getInteger("port", d.port())),
                value("pool-size", () -> json.getInteger("pool-size", d.poolSize())),
                value("maximum-pool-size", () -> json.getInteger("maximum-pool-size", d.maximumPoolSize())),
                millis("socket-read-timeout-ms", json, d.socketReadTimeout()),
                value("max-line-length", () -> json.getInteger("max-line-length", d.maxLineLength())),
                ivr(ivr, d.ivr()));
    }

    private static IvrOptions ivr(JsonObject json, IvrOptions d) {
        known("ivr.", json, IVR_KEYS);
        try {
            return ivrOptions(json, d);
        } catch (IllegalArgumentException e) {
            throw e.getMessage() != null && e.getMessage().startsWith("ivr.") ? e
                    : new IllegalArgumentException("ivr." + e.getMessage(), e);
        }
    }

    private static IvrOptions ivrOptions(JsonObject json, IvrOptions d) {
        return new IvrOptions(
                json.containsKey("languages") ? languages(json) : d.languages(),
                value("ivr.language-menu", () -> json.getString("language-menu", d.languageMenu())),
                json.containsKey("line-tiers") ? lineTiers(json) : d.lineTiers(),
                json.containsKey("unknown-line-tier")
                        ? tier("ivr.unknown-line-tier", json.getValue("unknown-line-tier")) : d.unknownLineTier(),
                millis("ivr.key-timeout-ms", json, d.keyTimeout()),
                millis("ivr.number-timeout-ms", json, d.numberTimeout()),
                millis("ivr.queue-timeout-ms", json, d.queueTimeout()),
                value("ivr.attempts", () -> json.getInteger("attempts", d.attempts())),
                value("ivr.min-number-digits", () -> json.getInteger("min-number-digits", d.minNumberDigits())),
                value("ivr.max-number-digits", () -> json.getInteger("max-number-digits", d.maxNumberDigits())),
                value("ivr.max-slots", () -> json.getInteger("max-slots", d.maxSlots())),
                value("ivr.zone", () -> ZoneId.of(json.getString("zone", d.zone().getId()))));
    }

    private static List<IvrLanguage> languages(JsonObject json) {
        JsonArray array = value("ivr.languages", () -> json.getJsonArray("languages"));
        List<IvrLanguage> languages = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            String where = "ivr.languages[" + i + "]";
            int index = i;
            languages.add(language(where, value(where, () -> array.getJsonObject(index))));
        }
        return languages;
    }

    private static IvrLanguage language(String where, JsonObject json) {
        known(where + ".", json, LANGUAGE_KEYS);
        String code = value(where + ".code", () -> json.getString("code"));
        String key = value(where + ".key", () -> String.valueOf(json.getValue("key")));
        if (code == null || key.length() != 1) {
            throw new IllegalArgumentException(where + ": needs a code and a one-digit key");
        }
        JsonObject overrides = value(where + ".prompts", () -> json.getJsonObject("prompts", new JsonObject()));
        return new IvrLanguage(code, key.charAt(0), prompts(where + ".prompts", code, overrides));
    }

    /** The language's default prompt names, with the ones the JSON names replaced. */
    private static IvrPrompts prompts(String where, String code, JsonObject overrides) {
        IvrPrompts defaults = IvrPrompts.defaults(code);
        RecordComponent[] components = IvrPrompts.class.getRecordComponents();
        known(where + ".", overrides, Arrays.stream(components).map(c -> kebab(c.getName())).collect(toSet()));
        Object[] names = new Object[components.length];
        Class<?>[] types = new Class<?>[components.length];
        try {
            for (int i = 0; i < components.length; i++) {
                String key = kebab(components[i].getName());
                types[i] = String.class;
                names[i] = overrides.containsKey(key)
                        ? value(where + "." + key, () -> overrides.getString(key))
                        : components[i].getAccessor().invoke(defaults);
            }
            return IvrPrompts.class.getDeclaredConstructor(types).newInstance(names);
        } catch (InvocationTargetException e) {
            throw new IllegalArgumentException(where + ": " + e.getCause().getMessage(), e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("IvrPrompts is a record of strings", e);
        }
    }

    private static Map<String, IvrTier> lineTiers(JsonObject json) {
        JsonObject tiers = value("ivr.line-tiers", () -> json.getJsonObject("line-tiers"));
        Map<String, IvrTier> lineTiers = new LinkedHashMap<>();
        tiers.forEach(entry -> lineTiers.put(entry.getKey(), tier("ivr.line-tiers." + entry.getKey(),
                entry.getValue())));
        return lineTiers;
    }

    private static IvrTier tier(String key, Object value) {
        for (IvrTier tier : IvrTier.values()) {
            if (value instanceof Number number && number.intValue() == tier.number()) {
                return tier;
            }
        }
        throw new IllegalArgumentException(key + ": a tier is 1, 2 or 3: " + value);
    }

    private static Duration millis(String key, JsonObject json, Duration fallback) {
        String name = key.substring(key.lastIndexOf('.') + 1);
        return value(key, () -> json.containsKey(name) ? Duration.ofMillis(json.getLong(name)) : fallback);
    }

    private static void known(String prefix, JsonObject json, Set<String> keys) {
        for (String key : json.fieldNames()) {
            if (!keys.contains(key)) {
                throw new IllegalArgumentException(prefix + key + ": unknown key");
            }
        }
    }

    private static String kebab(String camel) {
        return camel.replaceAll("([a-z])([A-Z])", "$1-$2").toLowerCase();
    }

    private static <T> T value(String key, Supplier<T> read) {
        try {
            return read.get();
        } catch (ClassCastException | DateTimeException | NumberFormatException e) {
            throw new IllegalArgumentException(key + ": " + e.getMessage(), e);
        }
    }
}
