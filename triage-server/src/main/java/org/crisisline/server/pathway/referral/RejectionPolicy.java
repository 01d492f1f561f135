package org.crisisline.server.pathway.referral;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import org.crisisline.server.pathway.Result;

/**
 * Whether a team's rejection can be recorded (DOMAIN.md, "Pathways"): it must explain itself and carry a
 * fallback plan and an owner ("no pathway is a dead end"); and, since "suicidal thoughts, comorbidity or
 * risk never exclude by themselves", a rejection whose ground is clinical, a {@link RejectionReason#NEEDS_DIFFERENT_SERVICE}
 * or {@link RejectionReason#OTHER} that cites a {@link ClinicalFactor} or whose explanation uses a
 * protected term, is refused. Administrative reasons (out of area, already open, insufficient
 * information) stand on their own. Stateless and thread-safe.
 */
public final class RejectionPolicy {
    private static final Set<RejectionReason> CLINICAL_GROUNDS =
            EnumSet.of(RejectionReason.NEEDS_DIFFERENT_SERVICE, RejectionReason.OTHER);

    private final ReferralConfig config;

    public RejectionPolicy(ReferralConfig config) {
        this.config = config;
    }

    public Result<Rejection> check(Rejection rejection) {
        if (rejection.explanation().isBlank()) {
            return Result.rejected("a rejection must explain itself");
        }
        if (rejection.fallbackPlan().isBlank()) {
            return Result.rejected("a rejection must carry a fallback plan: no pathway is a dead end");
        }
        if (rejection.fallbackOwner().isBlank()) {
            return Result.rejected("a rejection's fallback plan must have an owner");
        }
        if (CLINICAL_GROUNDS.contains(rejection.reason()) && leansOnClinicalFactor(rejection)) {
            return Result.rejected("suicidal thoughts, comorbidity or risk never exclude by themselves: "
                    + rejection.reason() + " citing them is refused; look for reasons to accept");
        }
        return Result.accepted(rejection);
    }

    private boolean leansOnClinicalFactor(Rejection rejection) {
        if (!rejection.citedFactors().isEmpty()) {
            return true;
        }
        String explanation = rejection.explanation().toLowerCase(Locale.ROOT);
        return config.protectedTerms().stream().anyMatch(explanation::contains);
    }
}
