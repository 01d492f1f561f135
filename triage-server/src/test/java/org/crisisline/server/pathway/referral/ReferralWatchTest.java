package org.crisisline.server.pathway.referral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.crisisline.server.pathway.referral.ReferralFixtures.applied;
import static org.crisisline.server.pathway.testing.ReferralRequestBuilder.aReferralRequest;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.crisisline.queue.testing.MutableClock;
import org.crisisline.server.pathway.config.PathwaySettingsReader;
import org.crisisline.server.pathway.outbox.Outbox;
import org.crisisline.server.pathway.testing.ReferralRequestBuilder;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The leads' view of referrals: awaiting acknowledgement, due for chasing, overdue")
class ReferralWatchTest {
    private static final Instant T0 = Instant.parse("2026-11-27T10:00:00Z");
    private final MutableClock clock = new MutableClock(T0);
    private final ReferralLifecycle lifecycle = new ReferralLifecycle(clock, PathwaySettingsReader.defaults().referral());
    private final ReferralWatch watch = new ReferralWatch(PathwaySettingsReader.defaults().referral());
    private static final Outbox NO_OUTBOX = Outbox.empty(PathwaySettingsReader.defaults().outbox());

    private Referral delivered(String id, ReferralRequestBuilder request) {
        Referral drafted = applied(lifecycle.draft(ReferralId.of(id), request.build()));
        return applied(lifecycle.delivered(applied(lifecycle.queue(drafted))));
    }

    @Test
    @DisplayName("an emergency referral is due for chasing 30 min after delivery, and again 30 min after each chase")
    void chaseTiming() {
        Referral emergency = delivered("e", aReferralRequest().emergency());

        assertThat(watch.isDueForChasing(emergency, T0.plus(Duration.ofMinutes(29)))).isFalse();
        assertThat(watch.isDueForChasing(emergency, T0.plus(Duration.ofMinutes(30)))).isTrue();

        clock.advance(Duration.ofMinutes(31));
        Referral chased = applied(lifecycle.chase(emergency));
        assertThat(watch.isDueForChasing(chased, clock.instant().plus(Duration.ofMinutes(29)))).isFalse();
        assertThat(watch.isDueForChasing(chased, clock.instant().plus(Duration.ofMinutes(30)))).isTrue();
    }

    @Test
    @DisplayName("an acknowledged referral is not chased, but is overdue when undecided past its deadline")
    void overdue() {
        Referral emergency = applied(lifecycle.acknowledge(delivered("e", aReferralRequest().emergency())));
        Referral routine = delivered("r", aReferralRequest());
        Instant fiveHoursOn = T0.plus(Duration.ofHours(5));

        ReferralWatch.Report report = watch.at(fiveHoursOn, List.of(emergency, routine), NO_OUTBOX);

        assertThat(report.overdue()).containsExactly(emergency);
        assertThat(report.awaitingAcknowledgement()).containsExactly(routine);
        assertThat(report.dueForChasing()).isEmpty();
        assertThat(watch.at(T0.plus(Duration.ofDays(3)), List.of(emergency, routine), NO_OUTBOX).dueForChasing())
                .containsExactly(routine);
    }

    @Test
    @DisplayName("a decided referral is never overdue, chased or awaiting")
    void decidedIsOffTheList() {
        Referral accepted = applied(lifecycle.accept(delivered("a", aReferralRequest().emergency())));

        ReferralWatch.Report report = watch.at(T0.plus(Duration.ofDays(60)), List.of(accepted), NO_OUTBOX);

        assertThat(report.overdue()).isEmpty();
        assertThat(report.dueForChasing()).isEmpty();
        assertThat(report.awaitingAcknowledgement()).isEmpty();
    }

    @Test
    @DisplayName("a queued referral whose delivery keeps failing is shown once the outbox flags it, and not before")
    void deliveryFlagged() {
        Referral queued = applied(lifecycle.queue(applied(lifecycle.draft(ReferralId.of("q"), aReferralRequest().build()))));
        Outbox outbox = NO_OUTBOX.enqueue(ReferralDelivery.entryId(queued.id()), ReferralDelivery.payloadRef(queued.id()), T0)
                .orElseThrow();
        Instant now = T0;
        for (int failure = 1; failure <= 5; failure++) {
            assertThat(watch.at(now, List.of(queued), outbox).deliveryFlagged()).as("after %d failures", failure - 1).isEmpty();
            outbox = outbox.recordFailure(ReferralDelivery.entryId(queued.id()), "HTTP 503", now).orElseThrow();
            now = now.plus(Duration.ofMinutes(15));
        }

        assertThat(watch.at(now, List.of(queued), outbox).deliveryFlagged()).containsExactly(queued);
        assertThat(outbox.due(now)).as("still retried").hasSize(1);
    }

    @Test
    @DisplayName("lists are ordered by deadline, most urgent first")
    void orderedByDeadline() {
        Referral routine = delivered("r", aReferralRequest());
        Referral urgent = delivered("u", aReferralRequest().urgent());
        Referral emergency = delivered("e", aReferralRequest().emergency());

        assertThat(watch.at(T0, List.of(routine, urgent, emergency), NO_OUTBOX).awaitingAcknowledgement())
                .containsExactly(emergency, urgent, routine);
    }
}
