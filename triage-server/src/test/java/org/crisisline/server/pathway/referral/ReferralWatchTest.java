package org.crisisline.server.pathway.referral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.crisisline.server.pathway.referral.ReferralFixtures.applied;
import static org.crisisline.server.pathway.testing.ReferralRequestBuilder.aReferralRequest;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.crisisline.queue.testing.MutableClock;
import org.crisisline.server.pathway.config.PathwaySettingsReader;
import org.crisisline.server.pathway.testing.ReferralRequestBuilder;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The leads' view of referrals: awaiting acknowledgement, due for chasing, overdue")
class ReferralWatchTest {
    private static final Instant T0 = Instant.parse("2026-11-27T10:00:00Z");
    private final MutableClock clock = new MutableClock(T0);
    private final ReferralLifecycle lifecycle = new ReferralLifecycle(clock, PathwaySettingsReader.defaults().referral());
    private final ReferralWatch watch = new ReferralWatch(PathwaySettingsReader.defaults().referral());

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

        ReferralWatch.Report report = watch.at(fiveHoursOn, List.of(emergency, routine));

        assertThat(report.overdue()).containsExactly(emergency);
        assertThat(report.awaitingAcknowledgement()).containsExactly(routine);
        assertThat(report.dueForChasing()).isEmpty();
        assertThat(watch.at(T0.plus(Duration.ofDays(3)), List.of(emergency, routine)).dueForChasing())
                .containsExactly(routine);
    }

    @Test
    @DisplayName("a decided referral is never overdue, chased or awaiting")
    void decidedIsOffTheList() {
        Referral accepted = applied(lifecycle.accept(delivered("a", aReferralRequest().emergency())));

        ReferralWatch.Report report = watch.at(T0.plus(Duration.ofDays(60)), List.of(accepted));

        assertThat(report.overdue()).isEmpty();
        assertThat(report.dueForChasing()).isEmpty();
        assertThat(report.awaitingAcknowledgement()).isEmpty();
    }

    @Test
    @DisplayName("lists are ordered by deadline, most urgent first")
    void orderedByDeadline() {
        Referral routine = delivered("r", aReferralRequest());
        Referral urgent = delivered("u", aReferralRequest().urgent());
        Referral emergency = delivered("e", aReferralRequest().emergency());

        assertThat(watch.at(T0, List.of(routine, urgent, emergency)).awaitingAcknowledgement())
                .containsExactly(emergency, urgent, routine);
    }
}
