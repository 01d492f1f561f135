package org.crisisline.queue.config;

import java.time.Duration;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.crisisline.queue.model.Tier;

/**
 * Builds a {@link QueueConfig} from kebab-case keys over the shipped defaults. A bad value or an unknown
 * key fails with a message that names the key, so a typo never silently falls back to a default.
 */
public final class QueueConfigReader {
    private static final String DEFAULTS = "queue-defaults.properties";
    private static final Pattern DURATION = Pattern.compile("(\\d+)(ms|s|m|h|d)");
    private static final Map<String, String> SHIPPED = loadShippedDefaults();

    private QueueConfigReader() {
    }

    /** Every key the queue understands, with its shipped default. */
    public static Map<String, String> shippedDefaults() {
        return SHIPPED;
    }

    /**
     * @param overrides keys as in {@code queue-defaults.properties}; they win over the defaults
     * @throws InvalidQueueConfigException naming the first bad or unknown key
     */
    public static QueueConfig read(Map<String, String> overrides) {
        Set<String> unknown = new TreeSet<>(overrides.keySet());
        unknown.removeAll(SHIPPED.keySet());
        if (!unknown.isEmpty()) {
            throw new InvalidQueueConfigException(unknown.iterator().next(), "is not a queue setting");
        }
        Map<String, String> values = new HashMap<>(SHIPPED);
        values.putAll(overrides);
        Values v = new Values(values);
        Map<Tier, TierRule> tiers = new EnumMap<>(Tier.class);
        for (Tier tier : Tier.values()) {
            tiers.put(tier, readTier(v, tier));
        }
        DispatchProtections protections = new DispatchProtections(
                v.bool("dispatch.prefer-clinical-for-tier-one"),
                v.bool("dispatch.alert-lead-when-no-clinician"),
                v.count("dispatch.tier-one-reserve"),
                readReleaseMargin(v, tiers),
                readHoldLimits(v),
                v.bool("dispatch.reserve-counts-recovering"),
                v.bool("dispatch.prefer-non-clinical-for-lower-tiers"),
                v.bool("dispatch.recovery-time"),
                v.duration("dispatch.recovery-interrupt-minimum"),
                v.duration("dispatch.recovery-interrupt-from-wait"),
                v.count("dispatch.consecutive-tier-one-cap"),
                v.duration("dispatch.language-wait"),
                v.bool("dispatch.balance-emotional-load"));
        CallbackRules callbacks = new CallbackRules(
                v.positiveCount("callbacks.max-attempts"),
                v.duration("callbacks.retry-spacing"),
                v.duration("callbacks.virtual-hold-grace"),
                v.positiveDuration("callbacks.slot-length"),
                v.positiveCount("callbacks.slots-offered"),
                v.duration("callbacks.slot-lead-time"),
                v.positiveDuration("callbacks.handle-time"),
                v.fraction("callbacks.live-reserve-share"));
        double smoothing = v.fraction("estimates.handle-time-smoothing");
        if (smoothing == 0) {
            throw new InvalidQueueConfigException("estimates.handle-time-smoothing", "must be above 0");
        }
        return new QueueConfig(tiers,
                v.choice("ordering", QueueConfig.Ordering.class),
                v.choice("dispatch.policy", QueueConfig.Policy.class),
                protections,
                v.positiveDuration("load.half-life"),
                v.bool("callbacks.offered"),
                callbacks,
                v.duration("check-ins.window"),
                v.positiveDuration("estimates.initial-handle-time"),
                smoothing);
    }

    /** Shorter than every lower tier's target: a margin as long as a target would silently end that tier's hold. */
    private static Duration readReleaseMargin(Values v, Map<Tier, TierRule> tiers) {
        String key = "dispatch.reserve-release-margin";
        Duration margin = v.duration(key);
        for (Tier tier : Tier.values()) {
            Duration target = tiers.get(tier).answerTarget();
            if (tier != Tier.IMMEDIATE_RISK && margin.compareTo(target) >= 0) {
                throw new InvalidQueueConfigException(key, "must be shorter than every lower tier's answer target ("
                        + "tiers." + kebab(tier.name()) + ".answer-target is "
                        + v.text("tiers." + kebab(tier.name()) + ".answer-target") + "); "
                        + "to hold a tier not at all, set its dispatch.reserve-hold-limit to 0s");
            }
        }
        return margin;
    }

    /** One key per lower tier: 'none' or a duration. Tier 1 has none: the reserve never holds it. */
    private static Map<Tier, Duration> readHoldLimits(Values v) {
        Map<Tier, Duration> limits = new EnumMap<>(Tier.class);
        for (Tier tier : Tier.values()) {
            if (tier != Tier.IMMEDIATE_RISK) {
                String key = "dispatch.reserve-hold-limit." + kebab(tier.name());
                if (!v.text(key).equals("none")) {
                    limits.put(tier, v.duration(key));
                }
            }
        }
        return limits;
    }

    private static TierRule readTier(Values v, Tier tier) {
        String prefix = "tiers." + kebab(tier.name()) + ".";
        Optional<Duration> offerAbove = v.text(prefix + "callback-offer-above").equals("never")
                ? Optional.empty()
                : Optional.of(v.duration(prefix + "callback-offer-above"));
        if (tier == Tier.IMMEDIATE_RISK && offerAbove.isPresent()) {
            throw new InvalidQueueConfigException(prefix + "callback-offer-above",
                    "must be 'never': a tier-1 caller stays live until answered");
        }
        return new TierRule(tier, v.positiveDuration(prefix + "answer-target"), v.duration(prefix + "aging-handicap"),
                offerAbove, v.duration(prefix + "recovery-after"), v.nonNegative(prefix + "load-weight"));
    }

    static String kebab(String constant) {
        return constant.toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Parses "20s", "5m", "2h", "1d", "250ms" or an ISO-8601 duration such as "PT20S". */
    public static Duration parseDuration(String text) {
        String trimmed = text.trim();
        Matcher matcher = DURATION.matcher(trimmed);
        if (matcher.matches()) {
            long amount = Long.parseLong(matcher.group(1));
            return switch (matcher.group(2)) {
                case "ms" -> Duration.ofMillis(amount);
                case "s" -> Duration.ofSeconds(amount);
                case "m" -> Duration.ofMinutes(amount);
                case "h" -> Duration.ofHours(amount);
                default -> Duration.ofDays(amount);
            };
        }
        return Duration.parse(trimmed.toUpperCase(Locale.ROOT));
    }

    private static Map<String, String> loadShippedDefaults() {
        return ShippedProperties.load(QueueConfigReader.class, DEFAULTS);
    }

    /** Typed access that names the key in every failure. */
    private record Values(Map<String, String> raw) {
        String text(String key) {
            String value = raw.get(key);
            if (value == null || value.isBlank()) {
                throw new InvalidQueueConfigException(key, "has no value");
            }
            return value.trim();
        }

        Duration duration(String key) {
            try {
                Duration duration = parseDuration(text(key));
                if (duration.isNegative()) {
                    throw new InvalidQueueConfigException(key, "must not be negative");
                }
                return duration;
            } catch (RuntimeException e) {
                if (e instanceof InvalidQueueConfigException invalid) {
                    throw invalid;
                }
                throw new InvalidQueueConfigException(key,
                        "is not a duration like 20s, 5m, 2h (got '" + raw.get(key) + "')");
            }
        }

        Duration positiveDuration(String key) {
            Duration duration = duration(key);
            if (duration.isZero()) {
                throw new InvalidQueueConfigException(key, "must be longer than zero");
            }
            return duration;
        }

        boolean bool(String key) {
            String value = text(key).toLowerCase(Locale.ROOT);
            if (!value.equals("true") && !value.equals("false")) {
                throw new InvalidQueueConfigException(key, "must be true or false (got '" + value + "')");
            }
            return Boolean.parseBoolean(value);
        }

        int count(String key) {
            try {
                int value = Integer.parseInt(text(key));
                if (value < 0) {
                    throw new InvalidQueueConfigException(key, "must not be negative");
                }
                return value;
            } catch (NumberFormatException e) {
                throw new InvalidQueueConfigException(key, "must be a whole number (got '" + raw.get(key) + "')");
            }
        }

        int positiveCount(String key) {
            int value = count(key);
            if (value == 0) {
                throw new InvalidQueueConfigException(key, "must be at least 1");
            }
            return value;
        }

        double nonNegative(String key) {
            try {
                double value = Double.parseDouble(text(key));
                if (!(value >= 0) || Double.isInfinite(value)) {
                    throw new InvalidQueueConfigException(key, "must be a number of 0 or more");
                }
                return value;
            } catch (NumberFormatException e) {
                throw new InvalidQueueConfigException(key, "must be a number (got '" + raw.get(key) + "')");
            }
        }

        double fraction(String key) {
            double value = nonNegative(key);
            if (value > 1) {
                throw new InvalidQueueConfigException(key, "must be between 0 and 1");
            }
            return value;
        }

        <E extends Enum<E>> E choice(String key, Class<E> type) {
            String value = text(key);
            for (E constant : type.getEnumConstants()) {
                if (kebab(constant.name()).equals(value)) {
                    return constant;
                }
            }
            throw new InvalidQueueConfigException(key, "must be one of "
                    + Arrays.stream(type.getEnumConstants()).map(c -> kebab(c.name())).toList()
                    + " (got '" + value + "')");
        }
    }
}
