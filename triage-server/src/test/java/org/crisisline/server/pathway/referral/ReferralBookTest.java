package org.crisisline.server.pathway.referral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.crisisline.server.pathway.referral.ReferralFixtures.applied;
import static org.crisisline.server.pathway.testing.ReferralRequestBuilder.aReferralRequest;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.crisisline.queue.model.CallId;
import org.crisisline.queue.testing.MutableClock;
import org.crisisline.server.pathway.Result;
import org.crisisline.server.pathway.cmht.TeamId;
import org.crisisline.server.pathway.config.PathwaySettingsReader;
import org.crisisline.server.pathway.outbox.OutboxEntry;
import org.crisisline.server.pathway.outbox.OutboxEvent;
import org.crisisline.server.pathway.referral.ReferralEvent.ReferralQueued;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The referral book keeps each referral and its outbox entry in step")
class ReferralBookTest {
    private static final Instant T0 = Instant.parse("2026-11-27T10:00:00Z");
    private final MutableClock clock = new MutableClock(T0);
    private final ReferralLifecycle lifecycle = new ReferralLifecycle(clock, PathwaySettingsReader.defaults().referral());
    private final ReferralBook empty = ReferralBook.empty(PathwaySettingsReader.defaults().outbox());

    private Referral queued(String id) {
        return applied(lifecycle.queue(applied(lifecycle.draft(ReferralId.of(id), aReferralRequest().build()))));
    }

    @Test
    @DisplayName("opening a queued referral keeps it and makes its outbox entry, due at once")
    void openMakesTheOutboxEntry() {
        Result<ReferralBook> opened = empty.open(List.of(queued("ref-1")), T0);

        ReferralBook book = opened.orElseThrow();
        assertThat(book.referral(ReferralId.of("ref-1"))).isPresent();
        assertThat(book.outbox().entry(ReferralDelivery.entryId(ReferralId.of("ref-1")))).get()
                .extracting(OutboxEntry::payloadRef).isEqualTo("referral/ref-1");
        assertThat(book.dueForDelivery(T0)).extracting(Referral::id).containsExactly(ReferralId.of("ref-1"));
        assertThat(opened.events()).hasSize(2).first().isInstanceOf(ReferralQueued.class);
    }

    @Test
    @DisplayName("opening the same referral again changes nothing; a referral that is not queued is refused")
    void openIsIdempotent() {
        ReferralBook book = empty.open(List.of(queued("ref-1")), T0).orElseThrow();
        clock.advance(Duration.ofMinutes(1));

        Result<ReferralBook> again = book.open(List.of(queued("ref-1")), clock.instant());
        assertThat(again.orElseThrow()).isSameAs(book);
        assertThat(again.events()).isEmpty();
        Referral drafted = applied(lifecycle.draft(ReferralId.of("ref-2"), aReferralRequest().build()));
        assertThat(book.open(List.of(drafted), T0)).isInstanceOf(Result.Rejected.class);
    }

    @Test
    @DisplayName("the same referral id made again with another urgency is refused: the first is being delivered")
    void openRefusesAChangedReferral() {
        ReferralBook book = empty.open(List.of(queued("ref-1")), T0).orElseThrow();
        Referral emergency = applied(lifecycle.queue(applied(lifecycle.draft(ReferralId.of("ref-1"),
                aReferralRequest().emergency().build()))));

        assertThat(book.open(List.of(emergency), T0)).isInstanceOfSatisfying(Result.Rejected.class,
                no -> assertThat(no.reason()).contains("another urgency"));
    }

    @Test
    @DisplayName("delivery marks the referral delivered and settles its entry: it is not due again")
    void deliverySettlesTheEntry() {
        ReferralBook book = empty.open(List.of(queued("ref-1")), T0).orElseThrow();

        Result<ReferralBook> delivered = book.update(ReferralId.of("ref-1"), lifecycle::delivered, T0);

        ReferralBook after = delivered.orElseThrow();
        assertThat(after.referral(ReferralId.of("ref-1"))).get().extracting(Referral::status)
                .isEqualTo(ReferralStatus.DELIVERED);
        assertThat(after.dueForDelivery(T0.plus(Duration.ofDays(1)))).isEmpty();
        assertThat(delivered.events()).anyMatch(OutboxEvent.EntryDelivered.class::isInstance);
        assertThat(after.update(ReferralId.of("ref-1"), lifecycle::delivered, T0).orElseThrow()).isSameAs(after);
    }

    @Test
    @DisplayName("an acknowledgement proves delivery even if the 2xx was lost: the entry is settled too")
    void acknowledgementSettlesTheEntry() {
        ReferralBook book = empty.open(List.of(queued("ref-1")), T0).orElseThrow();

        ReferralBook after = book.update(ReferralId.of("ref-1"), lifecycle::acknowledge, T0).orElseThrow();

        assertThat(after.referral(ReferralId.of("ref-1"))).get().extracting(Referral::status)
                .isEqualTo(ReferralStatus.ACKNOWLEDGED);
        assertThat(after.outbox().entry(ReferralDelivery.entryId(ReferralId.of("ref-1")))).get()
                .extracting(OutboxEntry::isPending).isEqualTo(false);
    }

    @Test
    @DisplayName("a failed delivery is retried with backoff and flagged after enough failures; nothing is dropped")
    void failuresBackOffAndFlag() {
        ReferralBook book = empty.open(List.of(queued("ref-1")), T0).orElseThrow();
        int flagAfter = PathwaySettingsReader.defaults().outbox().flagAfterFailures();

        for (int i = 0; i < flagAfter; i++) {
            book = book.deliveryFailed(ReferralId.of("ref-1"), "the team's endpoint answered HTTP 503", T0).orElseThrow();
        }

        assertThat(book.dueForDelivery(T0)).isEmpty();
        assertThat(book.dueForDelivery(T0.plus(Duration.ofDays(1)))).hasSize(1);
        assertThat(new ReferralWatch(PathwaySettingsReader.defaults().referral())
                .at(T0, book.referrals(), book.outbox()).deliveryFlagged()).hasSize(1);
    }

    @Test
    @DisplayName("an unknown referral or a step the lifecycle refuses changes nothing")
    void refusalsChangeNothing() {
        ReferralBook book = empty.open(List.of(queued("ref-1")), T0).orElseThrow();

        assertThat(book.update(ReferralId.of("nope"), lifecycle::acknowledge, T0)).isInstanceOf(Result.Rejected.class);
        assertThat(book.deliveryFailed(ReferralId.of("nope"), "x", T0)).isInstanceOf(Result.Rejected.class);
        ReferralBook accepted = book.update(ReferralId.of("ref-1"), lifecycle::accept, T0).orElseThrow();
        assertThat(accepted.update(ReferralId.of("ref-1"), r -> lifecycle.rejectByTeam(r,
                new TeamRejection(RejectionReason.OUT_OF_AREA, "Bradford", java.util.Set.of())), T0))
                .isInstanceOf(Result.Rejected.class);
    }

    @Test
    @DisplayName("a referral id comes from the call and the team: stable, distinct per team, URL-safe, no call id in it")
    void referralIds() {
        ReferralId id = ReferralId.forCall(CallId.of("call-1"), TeamId.of("leeds-west"));

        assertThat(ReferralId.forCall(CallId.of("call-1"), TeamId.of("leeds-west"))).isEqualTo(id);
        assertThat(ReferralId.forCall(CallId.of("call-1"), TeamId.of("leeds-east"))).isNotEqualTo(id);
        assertThat(ReferralId.forCall(CallId.of("call-2"), TeamId.of("leeds-west"))).isNotEqualTo(id);
        assertThat(id.value()).matches("ref-[0-9a-f]{24}").doesNotContain("call");
    }

    @Test
    @DisplayName("only settled referrals beyond the newest kept ones leave for the archive, with their delivered entries; a rejection still waiting for its fallback plan stays")
    void settledReferralsLeaveForTheArchive() {
        ReferralBook book = empty.open(List.of(queued("ref-1"), queued("ref-2"), queued("ref-3"), queued("ref-4")), T0)
                .orElseThrow();
        for (String id : List.of("ref-1", "ref-2", "ref-3", "ref-4")) {
            book = book.update(ReferralId.of(id), lifecycle::acknowledge, T0).orElseThrow();
        }
        book = book.update(ReferralId.of("ref-1"), lifecycle::accept, T0).orElseThrow();
        book = book.update(ReferralId.of("ref-2"), referral -> lifecycle.rejectByTeam(referral,
                new TeamRejection(RejectionReason.OUT_OF_AREA, "not our area", Set.of())), T0).orElseThrow();
        book = book.update(ReferralId.of("ref-3"), lifecycle::accept, T0).orElseThrow();

        List<Referral> beyond = book.settledBeyond(1);
        Result<ReferralBook> archived = book.withoutArchived(
                List.of(ReferralId.of("ref-1"), ReferralId.of("ref-2"), ReferralId.of("ref-9")), T0);

        assertThat(beyond).extracting(Referral::id).containsExactly(ReferralId.of("ref-1"));
        assertThat(archived.orElseThrow().referrals()).extracting(Referral::id)
                .containsExactly(ReferralId.of("ref-2"), ReferralId.of("ref-3"), ReferralId.of("ref-4"));
        assertThat(archived.orElseThrow().outbox().entry(ReferralDelivery.entryId(ReferralId.of("ref-1")))).isEmpty();
        assertThat(archived.events()).singleElement().isInstanceOfSatisfying(ReferralEvent.ReferralArchived.class,
                event -> assertThat(event.referral().id()).isEqualTo(ReferralId.of("ref-1")));
        assertThat(book.settledBeyond(5)).isEmpty();
    }
}
