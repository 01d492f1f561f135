package org.crisisline.server.pathway.referral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.crisisline.server.pathway.referral.ReferralFixtures.applied;
import static org.crisisline.server.pathway.testing.ReferralRequestBuilder.aReferralRequest;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.crisisline.queue.testing.MutableClock;
import org.crisisline.server.pathway.Result;
import org.crisisline.server.pathway.config.PathwaySettingsReader;
import org.crisisline.server.pathway.referral.ReferralEvent.FallbackRecorded;
import org.crisisline.server.pathway.referral.ReferralEvent.ReferralAcknowledged;
import org.crisisline.server.pathway.referral.ReferralEvent.ReferralRejectedByTeam;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("A team's own rejection waits for a clinical lead's fallback plan and owner")
class TeamRejectionTest {
    private static final Instant T0 = Instant.parse("2026-11-27T10:00:00Z");
    private final MutableClock clock = new MutableClock(T0);
    private final ReferralLifecycle lifecycle = new ReferralLifecycle(clock, PathwaySettingsReader.defaults().referral());
    private final ReferralWatch watch = new ReferralWatch(PathwaySettingsReader.defaults().referral());
    private static final TeamRejection OUT_OF_AREA =
            new TeamRejection(RejectionReason.OUT_OF_AREA, "Caller lives in Bradford", Set.of());

    private Referral delivered() {
        Referral drafted = applied(lifecycle.draft(ReferralId.of("ref-1"), aReferralRequest().build()));
        return applied(lifecycle.delivered(applied(lifecycle.queue(drafted))));
    }

    @Test
    @DisplayName("a rejection from the team makes the referral REJECTED, proving acknowledgement, and awaiting a fallback")
    void rejectedByTeamAwaitsFallback() {
        Result<Referral> rejected = lifecycle.rejectByTeam(delivered(), OUT_OF_AREA);

        Referral referral = rejected.orElseThrow();
        assertThat(referral.status()).isEqualTo(ReferralStatus.REJECTED);
        assertThat(referral.rejection()).isEmpty();
        assertThat(referral.teamRejection()).contains(OUT_OF_AREA);
        assertThat(referral.isAwaitingFallback()).isTrue();
        assertThat(rejected.events()).hasSize(2);
        assertThat(rejected.events().get(0)).isInstanceOf(ReferralAcknowledged.class);
        assertThat(rejected.events().get(1)).isInstanceOf(ReferralRejectedByTeam.class);
        assertThat(watch.awaitingFallback(List.of(referral))).containsExactly(referral);
    }

    @Test
    @DisplayName("the same rejection again changes nothing; another one, or an acceptance, is refused")
    void repeatedRejection() {
        Referral rejected = applied(lifecycle.rejectByTeam(delivered(), OUT_OF_AREA));

        assertThat(lifecycle.rejectByTeam(rejected, OUT_OF_AREA)).isEqualTo(Result.accepted(rejected));
        assertThat(lifecycle.rejectByTeam(rejected, new TeamRejection(RejectionReason.ALREADY_OPEN, "Open case", Set.of())))
                .isInstanceOf(Result.Rejected.class);
        assertThat(lifecycle.accept(rejected)).isInstanceOf(Result.Rejected.class);
        assertThat(lifecycle.rejectByTeam(applied(lifecycle.accept(delivered())), OUT_OF_AREA))
                .isInstanceOf(Result.Rejected.class);
    }

    @Test
    @DisplayName("a team may not reject on suicidal thoughts, comorbidity or risk, by cited factor or by word")
    void protectedTermsStillHold() {
        Referral delivered = delivered();

        assertThat(lifecycle.rejectByTeam(delivered, new TeamRejection(RejectionReason.NEEDS_DIFFERENT_SERVICE,
                "Too risky for the community team", Set.of()))).isInstanceOfSatisfying(Result.Rejected.class,
                no -> assertThat(no.reason()).contains("never exclude"));
        assertThat(lifecycle.rejectByTeam(delivered, new TeamRejection(RejectionReason.OTHER, "See notes",
                Set.of(ClinicalFactor.COMORBIDITY)))).isInstanceOf(Result.Rejected.class);
        assertThat(lifecycle.rejectByTeam(delivered, new TeamRejection(RejectionReason.OUT_OF_AREA, " ", Set.of())))
                .isInstanceOfSatisfying(Result.Rejected.class, no -> assertThat(no.reason()).contains("explain"));
    }

    @Test
    @DisplayName("a lead's fallback plan completes the rejection once; the same plan again changes nothing, another is refused")
    void fallbackCompletesTheRejection() {
        Referral rejected = applied(lifecycle.rejectByTeam(delivered(), OUT_OF_AREA));
        clock.advance(Duration.ofMinutes(5));

        Result<Referral> answered = lifecycle.recordFallback(rejected, "Re-refer to Bradford CMHT", "Duty lead");

        Referral done = answered.orElseThrow();
        assertThat(done.isAwaitingFallback()).isFalse();
        assertThat(done.rejection()).contains(OUT_OF_AREA.withFallback("Re-refer to Bradford CMHT", "Duty lead"));
        assertThat(answered.events()).singleElement().isInstanceOfSatisfying(FallbackRecorded.class,
                e -> assertThat(e.at()).isEqualTo(T0.plus(Duration.ofMinutes(5))));
        assertThat(lifecycle.recordFallback(done, "Re-refer to Bradford CMHT", "Duty lead")).isEqualTo(Result.accepted(done));
        assertThat(lifecycle.recordFallback(done, "Something else", "Duty lead")).isInstanceOf(Result.Rejected.class);
        assertThat(watch.awaitingFallback(List.of(done))).isEmpty();
    }

    @Test
    @DisplayName("a fallback needs a plan and an owner, and a rejection by the team to answer")
    void fallbackNeedsPlanOwnerAndRejection() {
        Referral rejected = applied(lifecycle.rejectByTeam(delivered(), OUT_OF_AREA));

        assertThat(lifecycle.recordFallback(rejected, " ", "Duty lead")).isInstanceOf(Result.Rejected.class);
        assertThat(lifecycle.recordFallback(rejected, "Re-refer", "")).isInstanceOf(Result.Rejected.class);
        assertThat(lifecycle.recordFallback(delivered(), "Re-refer", "Duty lead"))
                .isInstanceOfSatisfying(Result.Rejected.class, no -> assertThat(no.reason()).contains("no rejection"));
    }
}
