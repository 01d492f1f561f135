package org.crisisline.server.pathway.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.crisisline.queue.model.Tier;
import org.crisisline.server.pathway.Result;
import org.crisisline.server.pathway.cafe.CafeId;
import org.crisisline.server.pathway.cmht.TeamId;
import org.crisisline.server.pathway.referral.Consent;
import org.crisisline.server.pathway.referral.Urgency;
import org.crisisline.server.pathway.rules.PathwayChoice.AdviceAndClose;
import org.crisisline.server.pathway.rules.PathwayChoice.CafeSignpost;
import org.crisisline.server.pathway.rules.PathwayChoice.CallbackBooking;
import org.crisisline.server.pathway.rules.PathwayChoice.CheckInBooking;
import org.crisisline.server.pathway.rules.PathwayChoice.CmhtReferral;
import org.crisisline.server.pathway.rules.PathwayChoice.EmergencyEscalation;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

@DisplayName("Which pathways a call may take")
class PathwayPolicyTest {
    private static final Instant NOW = Instant.parse("2026-11-27T19:00:00Z");
    private static final CafeSignpost CAFE = new CafeSignpost(CafeId.of("haven"));
    private static final CallbackBooking CALLBACK = new CallbackBooking(NOW.plus(Duration.ofHours(1)));
    private static final EmergencyEscalation ESCALATION = new EmergencyEscalation("999 ambulance");
    private static final AdviceAndClose ADVICE = new AdviceAndClose("Grounding techniques; Samaritans number",
            "Call back tonight if things get worse");

    private final PathwayPolicy policy = new PathwayPolicy();

    private static CallContext tier(Tier tier) {
        return new CallContext(tier, false);
    }

    @Test
    @DisplayName("a café alone is refused for a tier-1 caller")
    void cafeAloneRefusedForTierOne() {
        assertThat(policy.check(tier(Tier.IMMEDIATE_RISK), List.of(CAFE))).isInstanceOfSatisfying(Result.Rejected.class,
                no -> assertThat(no.reason()).contains("non-clinical").contains("tier-1"));
    }

    @Test
    @DisplayName("a café alone is refused for a caller with clinical risk, even with advice")
    void cafeAloneRefusedForClinicalRisk() {
        CallContext risky = new CallContext(Tier.CRISIS, true);

        assertThat(policy.check(risky, List.of(CAFE))).isInstanceOfSatisfying(Result.Rejected.class,
                no -> assertThat(no.reason()).contains("clinical risk"));
        assertThat(policy.check(risky, List.of(CAFE, ADVICE))).isInstanceOf(Result.Rejected.class);
    }

    @Test
    @DisplayName("a café with a callback, a check-in, a referral or an escalation is allowed for a tier-1 caller")
    void cafeWithClinicalCoverAllowed() {
        CallContext tierOne = tier(Tier.IMMEDIATE_RISK);

        assertThat(policy.check(tierOne, List.of(CAFE, CALLBACK))).isInstanceOf(Result.Accepted.class);
        assertThat(policy.check(tierOne, List.of(CAFE, ESCALATION))).isInstanceOf(Result.Accepted.class);
        assertThat(policy.check(tierOne, List.of(CAFE, new CheckInBooking(NOW.plus(Duration.ofDays(1)), Duration.ofDays(7)))))
                .isInstanceOf(Result.Accepted.class);
        assertThat(policy.check(tierOne, List.of(CAFE, new CmhtReferral(TeamId.of("leeds-west"), Consent.given(NOW), Urgency.URGENT, "Low mood, no plan"))))
                .isInstanceOf(Result.Accepted.class);
    }

    @Test
    @DisplayName("a café alone is fine for a tier-2 or tier-3 caller without clinical risk")
    void cafeAloneForLowerTiers() {
        assertThat(policy.check(tier(Tier.CRISIS), List.of(CAFE))).isInstanceOf(Result.Accepted.class);
        assertThat(policy.check(tier(Tier.SUPPORT), List.of(CAFE))).isInstanceOf(Result.Accepted.class);
    }

    @ParameterizedTest(name = "emergency escalation is allowed for tier {0}, with or without clinical risk")
    @EnumSource(Tier.class)
    void escalationAnyTime(Tier tier) {
        assertThat(policy.check(new CallContext(tier, true), List.of(ESCALATION))).isInstanceOf(Result.Accepted.class);
        assertThat(policy.check(new CallContext(tier, false), List.of(ESCALATION))).isInstanceOf(Result.Accepted.class);
    }

    @Test
    @DisplayName("no pathway at all is a dead end")
    void noPathwayRefused() {
        assertThat(policy.check(tier(Tier.SUPPORT), List.of())).isInstanceOfSatisfying(Result.Rejected.class,
                no -> assertThat(no.reason()).contains("dead end"));
    }

    @Test
    @DisplayName("advice and close records the advice given and the next step")
    void adviceAndCloseNeedsBoth() {
        assertThat(policy.check(tier(Tier.SUPPORT), List.of(new AdviceAndClose("Debt advice line", " "))))
                .isInstanceOfSatisfying(Result.Rejected.class, no -> assertThat(no.reason()).contains("what happens next"));
        assertThat(policy.check(tier(Tier.SUPPORT), List.of(new AdviceAndClose("", "Call StepChange tomorrow"))))
                .isInstanceOfSatisfying(Result.Rejected.class, no -> assertThat(no.reason()).contains("advice given"));
        assertThat(policy.check(tier(Tier.SUPPORT), List.of(ADVICE))).isInstanceOf(Result.Accepted.class);
    }

    @Test
    @DisplayName("a CMHT referral needs the caller's consent")
    void referralNeedsConsent() {
        assertThat(policy.check(tier(Tier.CRISIS), List.of(new CmhtReferral(TeamId.of("leeds-west"), Consent.refused(NOW), Urgency.URGENT, "Low mood, no plan"))))
                .isInstanceOfSatisfying(Result.Rejected.class, no -> assertThat(no.reason()).contains("consent"));
    }

    @Test
    @DisplayName("check-in calls need a positive interval")
    void checkInInterval() {
        assertThat(policy.check(tier(Tier.CRISIS), List.of(new CheckInBooking(NOW, Duration.ZERO))))
                .isInstanceOf(Result.Rejected.class);
    }

    @Test
    @DisplayName("an escalation must name the service")
    void escalationNamesService() {
        assertThat(policy.check(tier(Tier.IMMEDIATE_RISK), List.of(new EmergencyEscalation(""))))
                .isInstanceOf(Result.Rejected.class);
    }

    @Test
    @DisplayName("an allowed plan carries the call context and the choices")
    void allowedPlan() {
        Result<PathwayPlan> result = policy.check(tier(Tier.CRISIS), List.of(CAFE, CALLBACK));

        assertThat(result.orElseThrow().choices()).containsExactly(CAFE, CALLBACK);
        assertThat(result.events()).isEmpty();
    }
}
