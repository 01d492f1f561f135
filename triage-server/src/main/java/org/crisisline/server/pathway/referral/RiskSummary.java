package org.crisisline.server.pathway.referral;

import java.util.Objects;

/**
 * The operative's summary of the caller's risk, for the team: free text, never empty, with whether the
 * caller has clinical risk (which also bars café signposting as the only pathway).
 */
public record RiskSummary(String text, boolean clinicalRisk) {
    public RiskSummary {
        Objects.requireNonNull(text, "text");
        if (text.isBlank()) {
            throw new IllegalArgumentException("a risk summary must say something");
        }
    }
}
