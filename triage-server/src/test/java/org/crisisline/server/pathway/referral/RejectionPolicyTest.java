package org.crisisline.server.pathway.referral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.crisisline.server.pathway.referral.ReferralFixtures.aProperRejection;

import java.util.Set;
import org.crisisline.server.pathway.Result;
import org.crisisline.server.pathway.config.PathwaySettingsReader;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("A rejection is recorded only with a fallback, an owner and a non-clinical ground")
class RejectionPolicyTest {
    private final RejectionPolicy policy = new RejectionPolicy(PathwaySettingsReader.defaults().referral());

    private static Rejection rejection(RejectionReason reason, String explanation, Set<ClinicalFactor> factors) {
        return new Rejection(reason, explanation, factors, "Crisis team to assess today", "Crisis team manager");
    }

    @ParameterizedTest(name = "{0} with a fallback and an owner is allowed")
    @EnumSource(RejectionReason.class)
    void everyReasonCodeIsAllowedWithAFallbackAndOwner(RejectionReason reason) {
        assertThat(policy.check(aProperRejection(reason))).isInstanceOf(Result.Accepted.class);
    }

    @Test
    @DisplayName("no fallback plan, no owner or no explanation: refused, no dead ends")
    void fallbackAndOwnerRequired() {
        assertThat(policy.check(new Rejection(RejectionReason.OUT_OF_AREA, "Bradford", Set.of(), " ", "duty")))
                .isInstanceOfSatisfying(Result.Rejected.class, no -> assertThat(no.reason()).contains("fallback plan"));
        assertThat(policy.check(new Rejection(RejectionReason.OUT_OF_AREA, "Bradford", Set.of(), "re-refer", "")))
                .isInstanceOfSatisfying(Result.Rejected.class, no -> assertThat(no.reason()).contains("owner"));
        assertThat(policy.check(new Rejection(RejectionReason.OUT_OF_AREA, "", Set.of(), "re-refer", "duty")))
                .isInstanceOf(Result.Rejected.class);
    }

    @ParameterizedTest(name = "citing {0} as a ground is refused")
    @EnumSource(ClinicalFactor.class)
    void clinicalFactorsNeverExcludeByThemselves(ClinicalFactor factor) {
        Result<Rejection> result = policy.check(
                rejection(RejectionReason.NEEDS_DIFFERENT_SERVICE, "See notes", Set.of(factor)));

        assertThat(result).isInstanceOfSatisfying(Result.Rejected.class,
                no -> assertThat(no.reason()).contains("never exclude by themselves"));
    }

    @ParameterizedTest(name = "\"{0}\" as the explanation is refused")
    @ValueSource(strings = {"Suicidal ideation too complex for CMHT", "Comorbid alcohol use",
            "Dual diagnosis: refer to drugs service", "Too high risk for community team", "Substance misuse"})
    void protectedTermsInTheExplanationAreCaught(String explanation) {
        assertThat(policy.check(rejection(RejectionReason.OTHER, explanation, Set.of())))
                .isInstanceOf(Result.Rejected.class);
    }

    @Test
    @DisplayName("an administrative reason stands on its own, whatever the notes mention")
    void administrativeReasonsStand() {
        assertThat(policy.check(rejection(RejectionReason.ALREADY_OPEN,
                "Already open to us; care coordinator told of the suicidal thoughts", Set.of(ClinicalFactor.SUICIDAL_THOUGHTS))))
                .isInstanceOf(Result.Accepted.class);
    }

    @Test
    @DisplayName("a different service for a non-clinical reason is allowed")
    void differentServiceForANonClinicalReason() {
        assertThat(policy.check(rejection(RejectionReason.NEEDS_DIFFERENT_SERVICE,
                "Eating disorder service is the right team", Set.of()))).isInstanceOf(Result.Accepted.class);
    }
}
