package org.crisisline.server.pathway.referral;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
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

    private static final String UNEXPLAINED = "a rejection must explain itself";

    private final ReferralConfig config;

    public RejectionPolicy(ReferralConfig config) {
        this.config = config;
    }

    /** A complete rejection: explained, with a fallback plan and an owner, and on allowed grounds. */
    public Result<Rejection> check(Rejection rejection) {
        if (rejection.explanation().isBlank()) {
            return Result.rejected(UNEXPLAINED);
        }
        if (rejection.fallbackPlan().isBlank()) {
            return Result.rejected("a rejection must carry a fallback plan: no pathway is a dead end");
        }
        if (rejection.fallbackOwner().isBlank()) {
            return Result.rejected("a rejection's fallback plan must have an owner");
        }
        return groundsProblem(rejection.reason(), rejection.explanation(), rejection.citedFactors())
                .<Result<Rejection>>map(Result::rejected).orElseGet(() -> Result.accepted(rejection));
    }

    /**
     * A team's rejection as it arrives, before anyone has a fallback plan for it: explained, and on allowed
     * grounds. The fallback is checked when a lead records it ({@link #check}).
     */
    public Result<TeamRejection> checkGrounds(TeamRejection rejection) {
        if (rejection.explanation().isBlank()) {
            return Result.rejected(UNEXPLAINED);
        }
        return groundsProblem(rejection.reason(), rejection.explanation(), rejection.citedFactors())
                .<Result<TeamRejection>>map(Result::rejected).orElseGet(() -> Result.accepted(rejection));
    }

    private Optional<String> groundsProblem(RejectionReason reason, String explanation, Set<ClinicalFactor> cited) {
        if (CLINICAL_GROUNDS.contains(reason) && leansOnClinicalFactor(explanation, cited)) {
            return Optional.of("suicidal thoughts, comorbidity or risk never exclude by themselves: "
                    + reason + " citing them is refused; look for reasons to accept");
        }
        return Optional.empty();
    }

    private boolean leansOnClinicalFactor(String explanation, Set<ClinicalFactor> cited) {
        if (!cited.isEmpty()) {
            return true;
        }
        String lower = explanation.toLowerCase(Locale.ROOT);
        return config.protectedTerms().stream().anyMatch(lower::contains);
    }
}
