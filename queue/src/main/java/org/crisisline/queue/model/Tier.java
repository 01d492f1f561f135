package org.crisisline.queue.model;

/**
 * The tier triage puts a caller in (DOMAIN.md, "Tiers"). The order of the constants is the
 * order of urgency: {@link #IMMEDIATE_RISK} before everything else.
 */
public enum Tier {
    /** Pressed "danger now", professionals line, or known high risk. Never offered a callback. */
    IMMEDIATE_RISK(1),
    /** Crisis line, no immediate danger. */
    CRISIS(2),
    /** Support line, advice, social needs. */
    SUPPORT(3),
    /** A scheduled outbound call to someone on a waiting list. */
    CHECK_IN(4);

    private final int number;

    Tier(int number) {
        this.number = number;
    }

    /** The number leads and the IVR use: 1, 2, 3; check-ins are 4. */
    public int number() {
        return number;
    }

    public boolean isImmediateRisk() {
        return this == IMMEDIATE_RISK;
    }

    public static Tier ofNumber(int number) {
        for (Tier tier : values()) {
            if (tier.number == number) {
                return tier;
            }
        }
        throw new IllegalArgumentException("no tier numbered " + number);
    }
}
