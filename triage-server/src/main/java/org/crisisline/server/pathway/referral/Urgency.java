package org.crisisline.server.pathway.referral;

/**
 * How fast the CMHT must respond (DOMAIN.md, "Pathways": emergency 4 h, urgent 24 h, routine 4 weeks;
 * the durations are configuration, see {@link ReferralConfig}).
 */
public enum Urgency {
    EMERGENCY, URGENT, ROUTINE;

    /** The configuration key segment: "emergency", "urgent", "routine". */
    public String key() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
