package org.crisisline.load.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.crisisline.queue.model.Call;
import org.crisisline.queue.model.CallId;
import org.crisisline.queue.model.CallKind;
import org.crisisline.queue.model.CallSource;
import org.crisisline.queue.model.CallState;
import org.crisisline.queue.model.CallerRef;
import org.crisisline.queue.model.Language;
import org.crisisline.queue.model.Line;
import org.crisisline.queue.model.OperativeId;
import org.crisisline.queue.model.Skills;
import org.crisisline.queue.model.Tier;

/**
 * Callers and operatives for the benchmarks, drawn from a seeded generator so every run builds the same
 * state.
 *
 * <ul>
 *   <li>Live arrivals: 10% tier 1, 50% tier 2, 40% tier 3.</li>
 *   <li>3% of callers do not speak English: Polish 1%, Welsh 0.7%, Urdu 0.5%, Arabic 0.5%, BSL 0.3%.</li>
 *   <li>Operatives: 20% clinically qualified; 6% speak one of Polish, Welsh, Urdu or Arabic.</li>
 * </ul>
 * Not thread-safe.
 */
final class Crowd {
    static final Language POLISH = Language.of("pl");
    static final Language WELSH = Language.of("cy");
    static final Language URDU = Language.of("ur");
    static final Language ARABIC = Language.of("ar");
    static final Language BSL = Language.of("bsl");
    private static final Language[] SPOKEN_BY_STAFF = {POLISH, WELSH, URDU, ARABIC};

    private final Random random;
    private long calls;

    Crowd(Random random) {
        this.random = random;
    }

    Random random() {
        return random;
    }

    /** A tier drawn from the arrival mix: 10% tier 1, 50% tier 2, 40% tier 3. */
    Tier arrivalTier() {
        double r = random.nextDouble();
        return r < 0.10 ? Tier.IMMEDIATE_RISK : r < 0.60 ? Tier.CRISIS : Tier.SUPPORT;
    }

    /** The arrival mix without tier 1 (what is left waiting once tier 1 has been served first): 5:4. */
    Tier lowerTier() {
        return random.nextInt(9) < 5 ? Tier.CRISIS : Tier.SUPPORT;
    }

    Language language() {
        double r = random.nextDouble();
        if (r >= 0.03) {
            return Language.ENGLISH;
        }
        return r < 0.010 ? POLISH : r < 0.017 ? WELSH : r < 0.022 ? URDU : r < 0.027 ? ARABIC : BSL;
    }

    Language nonEnglish() {
        return SPOKEN_BY_STAFF[random.nextInt(SPOKEN_BY_STAFF.length)];
    }

    Call caller(Tier tier, Instant joinedAt) {
        return caller(tier, language(), joinedAt);
    }

    Call caller(Tier tier, Language language, Instant joinedAt) {
        long n = ++calls;
        Line line = tier == Tier.SUPPORT ? Line.SUPPORT : Line.CRISIS;
        return Call.live(new CallId("c" + n), new CallerRef("p" + n), line, CallSource.SELF, tier, language,
                false, joinedAt);
    }

    /** A scheduled check-in that entered the queue at {@code joinedAt} (the start of its window). */
    Call checkIn(Instant joinedAt, Duration window) {
        long n = ++calls;
        return new Call(new CallId("k" + n), new CallerRef("p" + n), Line.OUTBOUND, CallSource.CHECK_IN,
                Tier.CHECK_IN, language(), false, CallKind.CHECK_IN, joinedAt, CallState.WAITING, Optional.empty(),
                0, Optional.of(joinedAt.plus(window).plus(window)), Optional.empty(), Optional.empty(), false);
    }

    static OperativeId operative(int n) {
        return new OperativeId("op" + n);
    }

    Skills skills() {
        boolean clinical = random.nextDouble() < 0.20;
        Set<Language> languages = random.nextDouble() < 0.06
                ? Set.of(SPOKEN_BY_STAFF[random.nextInt(SPOKEN_BY_STAFF.length)])
                : Set.of();
        return new Skills(clinical, false, languages);
    }

    static Skills englishOnly(boolean clinical) {
        return new Skills(clinical, false, Set.of());
    }
}
