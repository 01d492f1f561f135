package org.crisisline.server.pathway.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.crisisline.queue.config.QueueConfigReader;
import org.crisisline.queue.config.ShippedProperties;
import org.crisisline.server.pathway.PathwayConfigException;
import org.crisisline.server.pathway.cafe.CafeConfig;
import org.crisisline.server.pathway.outbox.RetryPolicy;
import org.crisisline.server.pathway.referral.ReferralConfig;
import org.crisisline.server.pathway.referral.Urgency;

/**
 * Builds {@link PathwaySettings} from kebab-case keys over the shipped defaults in
 * {@code pathway-defaults.properties}, the one file that holds every default. An unknown key or a bad value
 * fails with a {@link PathwayConfigException} naming the key, so a typo never silently falls back to a
 * default. Reads its own classpath resource once (the only I/O, at class load); otherwise pure.
 */
public final class PathwaySettingsReader {
    private static final String DEFAULTS = "pathway-defaults.properties";
    private static final Map<String, String> SHIPPED = loadShippedDefaults();
    private static final Pattern ENDPOINT_KEY =
            Pattern.compile("pathway\\.referral\\.endpoints\\.([a-z0-9][a-z0-9-]*)\\.(url|token)");

    private PathwaySettingsReader() {
    }

    /** Every key the pathways understand, with its shipped default. */
    public static Map<String, String> shippedDefaults() {
        return SHIPPED;
    }

    /** The shipped defaults, validated. */
    public static PathwaySettings defaults() {
        return read(Map.of());
    }

    /** @param overrides keys as in {@code pathway-defaults.properties}; they win over the defaults */
    public static PathwaySettings read(Map<String, String> overrides) {
        Set<String> unknown = new TreeSet<>(overrides.keySet());
        unknown.removeAll(SHIPPED.keySet());
        unknown.removeIf(key -> ENDPOINT_KEY.matcher(key).matches());
        if (!unknown.isEmpty()) {
            throw new PathwayConfigException(unknown.iterator().next(), "is not a pathway setting");
        }
        Map<String, String> values = new HashMap<>(SHIPPED);
        values.putAll(overrides);
        return new PathwaySettings(
                new ReferralConfig(perUrgency(values, "pathway.referral.respond-within"),
                        perUrgency(values, "pathway.referral.chase-after"),
                        list(values, "pathway.referral.protected-terms")),
                new RetryPolicy(duration(values, "pathway.outbox.initial-backoff"),
                        number(values, "pathway.outbox.backoff-multiplier"),
                        duration(values, "pathway.outbox.max-backoff"),
                        count(values, "pathway.outbox.flag-after-failures")),
                new CafeConfig(duration(values, "pathway.cafe.soon-window"),
                        duration(values, "pathway.cafe.minimum-time-left")),
                text(values),
                new ReferralDeliverySettings(endpoints(values), duration(values, "pathway.referral.delivery-timeout"),
                        duration(values, "pathway.referral.delivery-check-every"),
                        duration(values, "pathway.referral.chase-check-every"),
                        count(values, "pathway.referral.keep-settled")));
    }

    /** {@code pathway.referral.endpoints.<id>.url} and {@code .token}, both required for each id named. */
    private static Map<String, ReferralEndpoint> endpoints(Map<String, String> values) {
        Set<String> ids = new TreeSet<>();
        values.keySet().forEach(key -> {
            Matcher matched = ENDPOINT_KEY.matcher(key);
            if (matched.matches()) {
                ids.add(matched.group(1));
            }
        });
        Map<String, ReferralEndpoint> endpoints = new HashMap<>();
        for (String id : ids) {
            String prefix = "pathway.referral.endpoints." + id;
            URI url;
            try {
                url = new URI(text(values, prefix + ".url"));
            } catch (URISyntaxException e) {
                throw new PathwayConfigException(prefix + ".url", "is not a URL (" + e.getReason() + ")");
            }
            endpoints.put(id, new ReferralEndpoint(id, url, text(values, prefix + ".token")));
        }
        return endpoints;
    }

    private static TextSettings text(Map<String, String> values) {
        String kind = text(values, "pathway.text.gateway");
        String url = text(values, "pathway.text.url");
        String token = text(values, "pathway.text.token");
        Duration timeout = duration(values, "pathway.text.timeout");
        if (timeout.isZero() || timeout.isNegative()) {
            throw new PathwayConfigException("pathway.text.timeout", "must be positive");
        }
        return switch (kind) {
            case "logging" -> new TextSettings(TextSettings.Gateway.LOGGING, Optional.empty(), Optional.empty(), timeout);
            case "http" -> {
                if (token.isEmpty()) {
                    throw new PathwayConfigException("pathway.text.token", "is needed by the http gateway");
                }
                yield new TextSettings(TextSettings.Gateway.HTTP, Optional.of(httpUrl(url)), Optional.of(token), timeout);
            }
            default -> throw new PathwayConfigException("pathway.text.gateway", "is logging or http (got '" + kind + "')");
        };
    }

    private static URI httpUrl(String raw) {
        try {
            URI url = new URI(raw);
            if (("http".equals(url.getScheme()) || "https".equals(url.getScheme())) && url.getHost() != null) {
                return url;
            }
        } catch (URISyntaxException e) {
            // reported below, with the key
        }
        throw new PathwayConfigException("pathway.text.url", "is an http:// or https:// address, needed by the http "
                + "gateway (got '" + raw + "')");
    }

    private static Map<Urgency, Duration> perUrgency(Map<String, String> values, String prefix) {
        Map<Urgency, Duration> durations = new EnumMap<>(Urgency.class);
        for (Urgency urgency : Urgency.values()) {
            durations.put(urgency, duration(values, prefix + "." + urgency.key()));
        }
        return durations;
    }

    static Duration duration(Map<String, String> values, String key) {
        try {
            return QueueConfigReader.parseDuration(text(values, key));
        } catch (RuntimeException e) {
            if (e instanceof PathwayConfigException known) {
                throw known;
            }
            throw new PathwayConfigException(key, "is not a duration like 30s, 15m, 4h or 28d (got '" + values.get(key) + "')");
        }
    }

    private static double number(Map<String, String> values, String key) {
        try {
            return Double.parseDouble(text(values, key));
        } catch (NumberFormatException e) {
            throw new PathwayConfigException(key, "is not a number (got '" + values.get(key) + "')");
        }
    }

    private static int count(Map<String, String> values, String key) {
        try {
            return Integer.parseInt(text(values, key));
        } catch (NumberFormatException e) {
            throw new PathwayConfigException(key, "is not a whole number (got '" + values.get(key) + "')");
        }
    }

    private static List<String> list(Map<String, String> values, String key) {
        String raw = text(values, key);
        return raw.isEmpty() ? List.of() : Arrays.stream(raw.split(",")).map(String::trim).toList();
    }

    private static String text(Map<String, String> values, String key) {
        String value = values.get(key);
        if (value == null) {
            throw new PathwayConfigException(key, "is missing");
        }
        return value.trim();
    }

    private static Map<String, String> loadShippedDefaults() {
        return ShippedProperties.load(PathwaySettingsReader.class, DEFAULTS);
    }
}
