package org.crisisline.server.pathway.referral;

import java.util.Objects;

/** Identifies one referral; made outside the domain (an injected generator) and sent to the team as the idempotency key. */
public record ReferralId(String value) implements Comparable<ReferralId> {
    public ReferralId {
        Objects.requireNonNull(value, "value");
        if (value.isBlank()) {
            throw new IllegalArgumentException("a referral id must not be blank");
        }
    }

    public static ReferralId of(String value) {
        return new ReferralId(value);
    }

    @Override
    public int compareTo(ReferralId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
