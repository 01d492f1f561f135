package org.crisisline.server.pathway.referral;

import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.crisisline.server.pathway.PathwayConfigException;

/**
 * Referral settings, every one a configurable default (DOMAIN.md): how long a team has to respond per
 * urgency ({@code pathway.referral.respond-within.<urgency>}), how long a delivered referral may go
 * unacknowledged before it is chased, and again between chases ({@code pathway.referral.chase-after.<urgency>}),
 * and the words that show a rejection leans on a clinical factor ({@code pathway.referral.protected-terms}).
 * A bad value fails with its key.
 */
public record ReferralConfig(Map<Urgency, Duration> respondWithin, Map<Urgency, Duration> chaseAfter,
                             List<String> protectedTerms) {
    public ReferralConfig {
        respondWithin = complete("pathway.referral.respond-within", respondWithin);
        chaseAfter = complete("pathway.referral.chase-after", chaseAfter);
        Objects.requireNonNull(protectedTerms, "pathway.referral.protected-terms");
        protectedTerms = protectedTerms.stream().map(t -> t.trim().toLowerCase(Locale.ROOT)).toList();
        if (protectedTerms.stream().anyMatch(String::isEmpty)) {
            throw new PathwayConfigException("pathway.referral.protected-terms", "must not contain an empty term");
        }
        for (Urgency urgency : Urgency.values()) {
            if (chaseAfter.get(urgency).compareTo(respondWithin.get(urgency)) >= 0) {
                throw new PathwayConfigException("pathway.referral.chase-after." + urgency.key(),
                        "must be shorter than respond-within." + urgency.key() + " (a chase after the deadline is too late)");
            }
        }
    }

    private static Map<Urgency, Duration> complete(String key, Map<Urgency, Duration> given) {
        Objects.requireNonNull(given, key);
        Map<Urgency, Duration> copy = new EnumMap<>(Urgency.class);
        for (Urgency urgency : Urgency.values()) {
            Duration value = given.get(urgency);
            String fullKey = key + "." + urgency.key();
            if (value == null) {
                throw new PathwayConfigException(fullKey, "is missing");
            }
            if (value.isZero() || value.isNegative()) {
                throw new PathwayConfigException(fullKey, "must be positive, was " + value);
            }
            copy.put(urgency, value);
        }
        return Map.copyOf(copy);
    }

    public Duration respondWithin(Urgency urgency) {
        return respondWithin.get(urgency);
    }

    public Duration chaseAfter(Urgency urgency) {
        return chaseAfter.get(urgency);
    }
}
