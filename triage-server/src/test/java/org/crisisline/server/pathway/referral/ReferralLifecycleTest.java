package org.crisisline.server.pathway.referral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.crisisline.server.pathway.referral.ReferralFixtures.aProperRejection;
import static org.crisisline.server.pathway.referral.ReferralFixtures.applied;
import static org.crisisline.server.pathway.testing.ReferralRequestBuilder.aReferralRequest;

import java.time.Duration;
import java.time.Instant;
import org.crisisline.queue.testing.MutableClock;
import org.crisisline.server.pathway.Result;
import org.crisisline.server.pathway.config.PathwaySettingsReader;
import org.crisisline.server.pathway.referral.ReferralEvent.ReferralAccepted;
import org.crisisline.server.pathway.referral.ReferralEvent.ReferralAcknowledged;
import org.crisisline.server.pathway.referral.ReferralEvent.ReferralDelivered;
import org.crisisline.server.pathway.referral.ReferralEvent.ReferralDrafted;
import org.crisisline.server.pathway.referral.ReferralEvent.ReferralQueued;
import org.crisisline.server.pathway.referral.ReferralEvent.ReferralRejected;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("A CMHT referral's life: drafted, queued, delivered, acknowledged, accepted or rejected")
class ReferralLifecycleTest {
    private static final Instant T0 = Instant.parse("2026-11-27T10:00:00Z");
    private final MutableClock clock = new MutableClock(T0);
    private final ReferralLifecycle lifecycle = new ReferralLifecycle(clock, PathwaySettingsReader.defaults().referral());

    private Referral drafted() {
        return applied(lifecycle.draft(ReferralId.of("ref-1"), aReferralRequest().build()));
    }

    private Referral delivered() {
        return applied(lifecycle.delivered(applied(lifecycle.queue(drafted()))));
    }

    @ParameterizedTest(name = "{0}: respond by {1}")
    @CsvSource({"EMERGENCY, 2026-11-27T14:00:00Z", "URGENT, 2026-11-28T10:00:00Z", "ROUTINE, 2026-12-25T10:00:00Z"})
    void urgencySetsTheRespondByDeadlineFromTheClock(Urgency urgency, String respondBy) {
        Result<Referral> result = lifecycle.draft(ReferralId.of("ref-1"), aReferralRequest().withUrgency(urgency).build());

        assertThat(result.orElseThrow().respondBy()).isEqualTo(Instant.parse(respondBy));
        assertThat(result.orElseThrow().status()).isEqualTo(ReferralStatus.DRAFTED);
        assertThat(result.events()).singleElement().isInstanceOf(ReferralDrafted.class);
    }

    @Test
    @DisplayName("without the caller's consent the referral is refused with a reason")
    void noConsentNoReferral() {
        Result<Referral> result = lifecycle.draft(ReferralId.of("ref-1"), aReferralRequest().withoutConsent().build());

        assertThat(result).isInstanceOfSatisfying(Result.Rejected.class,
                no -> assertThat(no.reason()).contains("not consented"));
    }

    @Test
    @DisplayName("each step records when it happened and raises its event")
    void happyPath() {
        Referral queued = applied(lifecycle.queue(drafted()));
        clock.advance(Duration.ofSeconds(3));
        Result<Referral> delivered = lifecycle.delivered(queued);
        clock.advance(Duration.ofMinutes(20));
        Result<Referral> acknowledged = lifecycle.acknowledge(delivered.orElseThrow());
        clock.advance(Duration.ofHours(2));
        Result<Referral> accepted = lifecycle.accept(acknowledged.orElseThrow());

        assertThat(delivered.events()).singleElement().isInstanceOf(ReferralDelivered.class);
        assertThat(acknowledged.events()).singleElement().isInstanceOf(ReferralAcknowledged.class);
        assertThat(accepted.events()).singleElement().isInstanceOf(ReferralAccepted.class);
        Referral done = accepted.orElseThrow();
        assertThat(done.status()).isEqualTo(ReferralStatus.ACCEPTED);
        assertThat(done.reachedAt(ReferralStatus.DELIVERED)).contains(T0.plusSeconds(3));
        assertThat(done.reachedAt(ReferralStatus.ACKNOWLEDGED)).contains(T0.plusSeconds(3).plus(Duration.ofMinutes(20)));
        assertThat(done.reachedAt(ReferralStatus.QUEUED)).contains(T0);
    }

    @Test
    @DisplayName("the same acknowledgement twice changes nothing and raises nothing")
    void acknowledgementIsIdempotent() {
        Referral acknowledged = applied(lifecycle.acknowledge(delivered()));
        clock.advance(Duration.ofMinutes(5));

        Result<Referral> again = lifecycle.acknowledge(acknowledged);

        assertThat(again).isEqualTo(Result.accepted(acknowledged));
        assertThat(lifecycle.queue(acknowledged)).isEqualTo(Result.accepted(acknowledged));
        assertThat(lifecycle.delivered(acknowledged)).isEqualTo(Result.accepted(acknowledged));
    }

    @Test
    @DisplayName("an acknowledgement proves delivery even when the 2xx was lost")
    void acknowledgementFillsInDelivery() {
        Referral queued = applied(lifecycle.queue(drafted()));

        Result<Referral> acknowledged = lifecycle.acknowledge(queued);

        assertThat(acknowledged.events()).hasExactlyElementsOfTypes(ReferralDelivered.class, ReferralAcknowledged.class);
        assertThat(acknowledged.orElseThrow().reachedAt(ReferralStatus.DELIVERED)).isPresent();
    }

    @Test
    @DisplayName("nothing can be delivered, acknowledged or decided before it is queued")
    void notBeforeQueued() {
        Referral drafted = drafted();

        assertThat(lifecycle.delivered(drafted)).isInstanceOf(Result.Rejected.class);
        assertThat(lifecycle.acknowledge(drafted)).isInstanceOf(Result.Rejected.class);
        assertThat(lifecycle.accept(drafted)).isInstanceOf(Result.Rejected.class);
        assertThat(lifecycle.reject(drafted, aProperRejection(RejectionReason.OUT_OF_AREA)))
                .isInstanceOf(Result.Rejected.class);
        assertThat(lifecycle.queue(drafted).events()).singleElement().isInstanceOf(ReferralQueued.class);
    }

    @Test
    @DisplayName("a proper rejection is recorded with its fallback plan and owner; the same rejection again changes nothing")
    void rejection() {
        Rejection rejection = aProperRejection(RejectionReason.OUT_OF_AREA);
        Result<Referral> rejected = lifecycle.reject(applied(lifecycle.acknowledge(delivered())), rejection);

        assertThat(rejected.events()).singleElement().isInstanceOfSatisfying(ReferralRejected.class,
                e -> assertThat(e.rejection().fallbackOwner()).isEqualTo("Leeds West duty worker"));
        Referral done = rejected.orElseThrow();
        assertThat(done.status()).isEqualTo(ReferralStatus.REJECTED);
        assertThat(done.rejection()).contains(rejection);
        assertThat(lifecycle.reject(done, rejection)).isEqualTo(Result.accepted(done));
        assertThat(lifecycle.reject(done, aProperRejection(RejectionReason.ALREADY_OPEN))).isInstanceOf(Result.Rejected.class);
        assertThat(lifecycle.accept(done)).isInstanceOf(Result.Rejected.class);
    }

    @Test
    @DisplayName("a rejection without a fallback plan leaves the referral as it was")
    void refusedRejectionChangesNothing() {
        Referral acknowledged = applied(lifecycle.acknowledge(delivered()));
        Rejection deadEnd = new Rejection(RejectionReason.OUT_OF_AREA, "Not our area", java.util.Set.of(), "", "duty");

        assertThat(lifecycle.reject(acknowledged, deadEnd)).isInstanceOfSatisfying(Result.Rejected.class,
                no -> assertThat(no.reason()).contains("fallback plan"));
    }

    @Test
    @DisplayName("an accepted referral cannot then be rejected, and accepting again changes nothing")
    void acceptedIsFinal() {
        Referral accepted = applied(lifecycle.accept(delivered()));

        assertThat(accepted.reachedAt(ReferralStatus.ACKNOWLEDGED)).as("acceptance implies acknowledgement").isPresent();
        assertThat(lifecycle.accept(accepted)).isEqualTo(Result.accepted(accepted));
        assertThat(lifecycle.reject(accepted, aProperRejection(RejectionReason.OTHER))).isInstanceOf(Result.Rejected.class);
    }

    @Test
    @DisplayName("only a delivered, unacknowledged referral is chased; a repeat at the same instant changes nothing")
    void chasing() {
        Referral delivered = delivered();
        clock.advance(Duration.ofDays(3));

        Referral chased = applied(lifecycle.chase(delivered));

        assertThat(chased.chases()).isEqualTo(1);
        assertThat(chased.lastChasedAt()).contains(clock.instant());
        assertThat(lifecycle.chase(chased)).isEqualTo(Result.accepted(chased));
        assertThat(lifecycle.chase(drafted())).isInstanceOf(Result.Rejected.class);
        assertThat(lifecycle.chase(applied(lifecycle.acknowledge(chased)))).isInstanceOf(Result.Rejected.class);
    }
}
