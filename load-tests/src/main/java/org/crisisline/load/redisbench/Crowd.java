package org.crisisline.load.redisbench;

import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import org.crisisline.queue.model.Call;
import org.crisisline.queue.model.CallId;
import org.crisisline.queue.model.CallSource;
import org.crisisline.queue.model.CallerRef;
import org.crisisline.queue.model.Language;
import org.crisisline.queue.model.Line;
import org.crisisline.queue.model.OperativeId;
import org.crisisline.queue.model.Skills;
import org.crisisline.queue.model.Tier;

/**
 * Callers and operatives for the Redis benchmark: live arrivals 10% tier 1, 50% tier 2, 40% tier 3; 3%
 * of callers not speaking English; 20% of operatives clinically qualified and 6% speaking another
 * language. Call ids are unique within one run. Thread-safe.
 */
final class Crowd {
    private static final Language[] SPOKEN_BY_STAFF = {
        Language.of("pl"), Language.of("cy"), Language.of("ur"), Language.of("ar")};
    private static final Language BSL = Language.of("bsl");

    private final AtomicLong calls = new AtomicLong();

    /** A new live caller, joining now. */
    Call caller() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        double r = random.nextDouble();
        Tier tier = r < 0.10 ? Tier.IMMEDIATE_RISK : r < 0.60 ? Tier.CRISIS : Tier.SUPPORT;
        long n = calls.incrementAndGet();
        return Call.live(new CallId("c" + n), new CallerRef("p" + n), tier == Tier.SUPPORT ? Line.SUPPORT : Line.CRISIS,
                CallSource.SELF, tier, language(random), false, Instant.now());
    }

    static OperativeId operative(int n) {
        return new OperativeId("op" + n);
    }

    Skills skills() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        boolean clinical = random.nextDouble() < 0.20;
        Set<Language> languages = random.nextDouble() < 0.06
                ? Set.of(SPOKEN_BY_STAFF[random.nextInt(SPOKEN_BY_STAFF.length)])
                : Set.of();
        return new Skills(clinical, false, languages);
    }

    private static Language language(ThreadLocalRandom random) {
        double r = random.nextDouble();
        if (r >= 0.03) {
            return Language.ENGLISH;
        }
        return r < 0.027 ? SPOKEN_BY_STAFF[random.nextInt(SPOKEN_BY_STAFF.length)] : BSL;
    }
}
