package org.crisisline.server.pathway.referral;

import java.util.Objects;
import java.util.Set;

/**
 * A team's rejection as the team sends it: the reason code, its explanation and the clinical factors it
 * cited. It cannot carry Crisisline's fallback plan (the team does not own it), so a referral rejected this
 * way waits for a clinical lead to record one ({@link ReferralLifecycle#recordFallback}), which completes it
 * into a {@link Rejection}. Immutable.
 */
public record TeamRejection(RejectionReason reason, String explanation, Set<ClinicalFactor> citedFactors) {
    public TeamRejection {
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(explanation, "explanation");
        citedFactors = Set.copyOf(citedFactors);
    }

    /** The complete rejection, once our fallback plan and its owner are known. */
    public Rejection withFallback(String plan, String owner) {
        return new Rejection(reason, explanation, citedFactors, plan, owner);
    }
}
