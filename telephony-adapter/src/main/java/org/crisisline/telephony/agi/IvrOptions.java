package org.crisisline.telephony.agi;

import java.time.Duration;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * How the IVR talks to a caller. Every value is a configurable default (DOMAIN.md); a bad value fails
 * construction with a message that names its key.
 *
 * @param languages        the languages offered, the first being the default; with one language the
 *                         menu is skipped
 * @param languageMenu     the sound file of the language menu, spoken in every language ("For
 *                         English, press 1. Am Gymraeg, pwyswch 2.")
 * @param lineTiers        the first tier of each line before the safety question; a line whose tier is
 *                         already {@link IvrTier#IMMEDIATE_RISK} skips the question
 * @param unknownLineTier  the first tier of a line not in {@code lineTiers}
 * @param keyTimeout       how long a one-key question waits after its prompt
 * @param numberTimeout    how long typing a callback number may take
 * @param queueTimeout     how long the IVR waits for the queue before Asterisk's queue takes the call
 * @param attempts         how often a question is asked before its safe default applies
 * @param minNumberDigits  the fewest digits of a typed callback number
 * @param maxNumberDigits  the most digits of a typed callback number
 * @param maxSlots         how many slots are read out (at most 9: one key each)
 * @param zone             the zone in which slot times are read out
 */
public record IvrOptions(List<IvrLanguage> languages, String languageMenu, Map<String, IvrTier> lineTiers,
        IvrTier unknownLineTier, Duration keyTimeout, Duration numberTimeout, Duration queueTimeout, int attempts,
        int minNumberDigits, int maxNumberDigits, int maxSlots, ZoneId zone) {

    public IvrOptions {
        languages = List.copyOf(languages);
        lineTiers = Map.copyOf(lineTiers);
        Objects.requireNonNull(languageMenu, "language-menu");
        Objects.requireNonNull(unknownLineTier, "unknown-line-tier");
        Objects.requireNonNull(zone, "zone");
        if (languages.isEmpty()) {
            throw new IllegalArgumentException("languages: at least one language is needed");
        }
        Set<Character> keys = new HashSet<>();
        Set<String> codes = new HashSet<>();
        for (IvrLanguage language : languages) {
            if (!keys.add(language.key()) || !codes.add(language.code())) {
                throw new IllegalArgumentException("languages: key or code used twice: " + language.code());
            }
        }
        positive("key-timeout-ms", keyTimeout);
        positive("number-timeout-ms", numberTimeout);
        positive("queue-timeout-ms", queueTimeout);
        if (attempts < 1) {
            throw new IllegalArgumentException("attempts: must be at least 1: " + attempts);
        }
        if (minNumberDigits < 3 || maxNumberDigits < minNumberDigits || maxNumberDigits > 20) {
            throw new IllegalArgumentException("min-number-digits/max-number-digits: need 3 <= min <= max <= 20: "
                    + minNumberDigits + ", " + maxNumberDigits);
        }
        if (maxSlots < 0 || maxSlots > 9) {
            throw new IllegalArgumentException("max-slots: 0 to 9 (one key each): " + maxSlots);
        }
    }

    /** English (key 1) and Welsh (key 2); crisis line tier 2, professionals tier 1, support tier 3. */
    public static IvrOptions defaults() {
        return new IvrOptions(List.of(IvrLanguage.of("en", '1'), IvrLanguage.of("cy", '2')),
                "crisisline/language-menu",
                Map.of("crisis", IvrTier.CRISIS, "professionals", IvrTier.IMMEDIATE_RISK, "support", IvrTier.SUPPORT),
                IvrTier.CRISIS, Duration.ofSeconds(5), Duration.ofSeconds(20), Duration.ofSeconds(2), 2, 10, 13, 3,
                ZoneId.of("Europe/London"));
    }

    public IvrOptions withLanguages(List<IvrLanguage> languages) {
        return new IvrOptions(languages, languageMenu, lineTiers, unknownLineTier, keyTimeout, numberTimeout,
                queueTimeout, attempts, minNumberDigits, maxNumberDigits, maxSlots, zone);
    }

    public IvrOptions withQueueTimeout(Duration queueTimeout) {
        return new IvrOptions(languages, languageMenu, lineTiers, unknownLineTier, keyTimeout, numberTimeout,
                queueTimeout, attempts, minNumberDigits, maxNumberDigits, maxSlots, zone);
    }

    /** The first tier of a line. */
    public IvrTier tierOf(String line) {
        return lineTiers.getOrDefault(line, unknownLineTier);
    }

    private static void positive(String key, Duration value) {
        Objects.requireNonNull(value, key);
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(key + ": must be positive: " + value);
        }
    }
}
