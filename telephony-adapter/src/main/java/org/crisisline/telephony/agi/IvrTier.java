package org.crisisline.telephony.agi;

/**
 * The first tier the IVR gives a caller (DOMAIN.md, "Tiers"); an operative may re-tier at any time.
 * Only the triage server ranks callers; this is what the IVR learned from the line and the keypad.
 */
public enum IvrTier {
    /** Pressed "danger now", or the professionals line: answered first, never offered a callback. */
    IMMEDIATE_RISK(1),
    /** Crisis line, no immediate danger: may be offered a callback when the wait is long. */
    CRISIS(2),
    /** Support line: advice and social needs. */
    SUPPORT(3);

    private final int number;

    IvrTier(int number) {
        this.number = number;
    }

    /** 1, 2 or 3, as clinical leads say it. */
    public int number() {
        return number;
    }

    /** Only tier 1 is never offered a callback (DOMAIN.md): it stays live until answered. */
    public boolean mayBeOfferedCallback() {
        return this != IMMEDIATE_RISK;
    }
}
