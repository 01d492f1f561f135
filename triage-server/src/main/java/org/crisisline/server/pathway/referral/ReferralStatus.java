package org.crisisline.server.pathway.referral;

/**
 * Where a referral is in its life. The order of the constants is the order of progress: a referral never
 * moves back. {@link #ACCEPTED} and {@link #REJECTED} are final.
 */
public enum ReferralStatus {
    /** Recorded during the call, consent checked. */
    DRAFTED,
    /** In the durable outbox, being delivered. */
    QUEUED,
    /** The team's endpoint answered 2xx. */
    DELIVERED,
    /** The team has said it has the referral. */
    ACKNOWLEDGED,
    ACCEPTED,
    /** Rejected with a reason code, a fallback plan and an owner. */
    REJECTED;

    public boolean isDecided() {
        return this == ACCEPTED || this == REJECTED;
    }

    public boolean isAtLeast(ReferralStatus other) {
        return compareTo(other) >= 0;
    }
}
