package org.crisisline.server.pathway.referral;

import java.util.Objects;
import java.util.Set;

/**
 * A team's rejection of a referral: the reason code, the team's explanation, the clinical factors the team
 * cited, and (required, DOMAIN.md "no pathway is a dead end") the fallback plan and who owns it. Whether a
 * rejection is acceptable is decided by {@link RejectionPolicy}, not here.
 */
public record Rejection(RejectionReason reason, String explanation, Set<ClinicalFactor> citedFactors,
                        String fallbackPlan, String fallbackOwner) {
    public Rejection {
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(explanation, "explanation");
        Objects.requireNonNull(fallbackPlan, "fallbackPlan");
        Objects.requireNonNull(fallbackOwner, "fallbackOwner");
        citedFactors = Set.copyOf(citedFactors);
    }
}
