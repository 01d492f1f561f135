package org.crisisline.server.pathway.referral;

import java.time.Instant;
import java.util.Objects;

/**
 * The caller's answer to "may we refer you to your local mental health team and share what you have told
 * us?", as the operative recorded it. A referral needs {@code given}; a refusal is recorded too, so the
 * call notes show it was asked.
 */
public record Consent(boolean given, Instant recordedAt) {
    public Consent {
        Objects.requireNonNull(recordedAt, "recordedAt");
    }

    public static Consent given(Instant at) {
        return new Consent(true, at);
    }

    public static Consent refused(Instant at) {
        return new Consent(false, at);
    }
}
