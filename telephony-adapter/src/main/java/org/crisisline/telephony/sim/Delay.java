package org.crisisline.telephony.sim;

import java.time.Duration;
import java.util.Locale;
import java.util.Random;

/**
 * A random duration a simulated person takes (patience, talk time, time to answer), written in
 * configuration as {@code "30s"} (fixed), {@code "uniform 2s 6s"} or {@code "exponential 5m"} (mean).
 * Units: {@code ms}, {@code s}, {@code m}, {@code h}.
 *
 * <p>Immutable and thread-safe; {@link #sampleMillis} uses the caller's generator.
 */
public sealed interface Delay permits Delay.Fixed, Delay.Uniform, Delay.Exponential {
    long sampleMillis(Random random);

    /** Always the same. */
    record Fixed(Duration value) implements Delay {
        @Override
        public long sampleMillis(Random random) {
            return value.toMillis();
        }
    }

    /** Uniform between min and max inclusive. */
    record Uniform(Duration min, Duration max) implements Delay {
        public Uniform {
            if (max.compareTo(min) < 0) {
                throw new IllegalArgumentException("max " + max + " is below min " + min);
            }
        }

        @Override
        public long sampleMillis(Random random) {
            long span = max.toMillis() - min.toMillis();
            return min.toMillis() + (span == 0 ? 0 : (long) (random.nextDouble() * (span + 1)));
        }
    }

    /** Exponential with the given mean (memoryless: how long people wait on hold). */
    record Exponential(Duration mean) implements Delay {
        @Override
        public long sampleMillis(Random random) {
            return Math.round(-Math.log(1.0 - random.nextDouble()) * mean.toMillis());
        }
    }

    static Delay fixed(Duration value) {
        return new Fixed(value);
    }

    static Delay uniform(Duration min, Duration max) {
        return new Uniform(min, max);
    }

    static Delay exponential(Duration mean) {
        return new Exponential(mean);
    }

    /** Parses {@code "30s"}, {@code "uniform 2s 6s"} or {@code "exponential 5m"}. */
    static Delay parse(String text) {
        String[] parts = text.trim().toLowerCase(Locale.ROOT).split("\\s+");
        return switch (parts[0]) {
            case "uniform" -> {
                requireParts(text, parts, 3);
                yield uniform(duration(parts[1]), duration(parts[2]));
            }
            case "exponential" -> {
                requireParts(text, parts, 2);
                yield exponential(duration(parts[1]));
            }
            default -> {
                requireParts(text, parts, 1);
                yield fixed(duration(parts[0]));
            }
        };
    }

    private static void requireParts(String text, String[] parts, int count) {
        if (parts.length != count) {
            throw new IllegalArgumentException("not a delay: '" + text + "'");
        }
    }

    /** Parses {@code 250ms}, {@code 30s}, {@code 5m}, {@code 1h}. */
    static Duration duration(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        try {
            if (t.endsWith("ms")) {
                return Duration.ofMillis(Long.parseLong(t.substring(0, t.length() - 2)));
            }
            long amount = Long.parseLong(t.substring(0, t.length() - 1));
            return switch (t.charAt(t.length() - 1)) {
                case 's' -> Duration.ofSeconds(amount);
                case 'm' -> Duration.ofMinutes(amount);
                case 'h' -> Duration.ofHours(amount);
                default -> throw new IllegalArgumentException("not a duration: '" + text + "'");
            };
        } catch (NumberFormatException | StringIndexOutOfBoundsException e) {
            throw new IllegalArgumentException("not a duration: '" + text + "'", e);
        }
    }
}
