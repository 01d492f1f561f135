package org.crisisline.server.referral;

import java.util.Objects;

/**
 * An expected refusal of a referral operation, for the HTTP edge to map to a status: the referral does not
 * exist, the change conflicts with what already happened (accepted after rejected, a second fallback), or a
 * rule refused it (a rejection on clinical grounds). Carries no stack trace: it is a value, not a bug.
 */
public final class ReferralRefused extends RuntimeException {

    /** Why: each maps to one HTTP status. */
    public enum Kind { NOT_FOUND, CONFLICT, RULE }

    private final Kind kind;

    public ReferralRefused(Kind kind, String message) {
        super(Objects.requireNonNull(message, "message"), null, false, false);
        this.kind = Objects.requireNonNull(kind, "kind");
    }

    public Kind kind() {
        return kind;
    }
}
