package org.crisisline.server.pathway.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.crisisline.server.pathway.Result;
import org.crisisline.server.pathway.outbox.OutboxEvent.DeliveryFailed;
import org.crisisline.server.pathway.outbox.OutboxEvent.EntryDelivered;
import org.crisisline.server.pathway.outbox.OutboxEvent.EntryFlaggedToLeads;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The outbox delivers at least once and never drops an entry")
class OutboxTest {
    private static final Instant T0 = Instant.parse("2026-11-27T10:00:00Z");
    private static final OutboxId ID = OutboxId.of("ref-1");
    private final RetryPolicy policy = new RetryPolicy(Duration.ofSeconds(10), 2.0, Duration.ofSeconds(60), 3);

    private Outbox withOneEntry() {
        return Outbox.empty(policy).enqueue(ID, "referral:ref-1", T0).orElseThrow();
    }

    @Test
    @DisplayName("a new entry is due at once")
    void newEntryIsDue() {
        Result<Outbox> result = Outbox.empty(policy).enqueue(ID, "referral:ref-1", T0);

        assertThat(result.events()).singleElement().isInstanceOf(OutboxEvent.EntryEnqueued.class);
        assertThat(result.orElseThrow().due(T0)).extracting(OutboxEntry::id).containsExactly(ID);
    }

    @Test
    @DisplayName("enqueueing the same entry twice changes nothing; the same id with another payload is refused")
    void enqueueIsIdempotent() {
        Outbox outbox = withOneEntry();

        assertThat(outbox.enqueue(ID, "referral:ref-1", T0.plusSeconds(5)))
                .isEqualTo(Result.accepted(outbox));
        assertThat(outbox.enqueue(ID, "referral:other", T0)).isInstanceOf(Result.Rejected.class);
    }

    @Test
    @DisplayName("a failure schedules the next attempt with backoff, and the entry is not due before then")
    void failureBacksOff() {
        Outbox outbox = withOneEntry().recordFailure(ID, "HTTP 503", T0).orElseThrow();

        assertThat(outbox.due(T0.plusSeconds(9))).isEmpty();
        assertThat(outbox.due(T0.plusSeconds(10))).hasSize(1);
        Outbox twice = outbox.recordFailure(ID, "timeout", T0.plusSeconds(10)).orElseThrow();
        OutboxEntry entry = twice.entry(ID).orElseThrow();
        assertThat(entry.failedAttempts()).isEqualTo(2);
        assertThat(entry.nextAttemptAt()).isEqualTo(T0.plusSeconds(30));
        assertThat(entry.lastFailure()).contains("timeout");
    }

    @Test
    @DisplayName("a claimed entry is not due to anyone else until its lease ends, and a second claim is refused")
    void claimLeasesTheEntry() {
        Outbox claimed = withOneEntry().claim(ID, T0, T0.plusSeconds(20)).orElseThrow();

        assertThat(claimed.due(T0.plusSeconds(19))).isEmpty();
        assertThat(claimed.claim(ID, T0.plusSeconds(1), T0.plusSeconds(21))).isInstanceOf(Result.Rejected.class);
        assertThat(claimed.due(T0.plusSeconds(20))).as("the claimer died: due again").hasSize(1);
        assertThat(claimed.recordSuccess(ID, T0.plusSeconds(2)).orElseThrow().claim(ID, T0.plusSeconds(30),
                T0.plusSeconds(50))).as("delivered").isInstanceOf(Result.Rejected.class);
        Outbox failed = claimed.recordFailure(ID, "HTTP 503", T0.plusSeconds(2)).orElseThrow();
        assertThat(failed.entry(ID).orElseThrow().nextAttemptAt()).as("backoff from the failure")
                .isEqualTo(T0.plusSeconds(12));
    }

    @Test
    @DisplayName("after N failures leads are told once, and the entry is still retried")
    void flaggedButNeverDropped() {
        Outbox outbox = withOneEntry();
        Instant now = T0;
        Result<Outbox> third = null;
        for (int i = 1; i <= 3; i++) {
            third = outbox.recordFailure(ID, "HTTP 500", now);
            outbox = third.orElseThrow();
            now = outbox.entry(ID).orElseThrow().nextAttemptAt();
        }
        assertThat(third.events()).hasSize(2).last().isInstanceOf(EntryFlaggedToLeads.class);
        assertThat(outbox.flagged()).extracting(OutboxEntry::id).containsExactly(ID);

        Result<Outbox> fourth = outbox.recordFailure(ID, "HTTP 500", now);
        assertThat(fourth.events()).singleElement().isInstanceOf(DeliveryFailed.class);
        assertThat(fourth.orElseThrow().due(now.plus(Duration.ofMinutes(1)))).hasSize(1);
    }

    @Test
    @DisplayName("a success delivers the entry once: it is no longer due or flagged, and a repeat changes nothing")
    void successIsIdempotent() {
        Outbox failed = withOneEntry().recordFailure(ID, "HTTP 503", T0).orElseThrow();
        Result<Outbox> delivered = failed.recordSuccess(ID, T0.plusSeconds(10));

        assertThat(delivered.events()).singleElement().isInstanceOfSatisfying(EntryDelivered.class,
                e -> assertThat(e.failedAttempts()).isEqualTo(1));
        Outbox after = delivered.orElseThrow();
        assertThat(after.due(T0.plus(Duration.ofDays(1)))).isEmpty();
        assertThat(after.entry(ID).orElseThrow().deliveredAt()).contains(T0.plusSeconds(10));
        assertThat(after.recordSuccess(ID, T0.plusSeconds(20))).isEqualTo(Result.accepted(after));
        assertThat(after.recordFailure(ID, "late timeout", T0.plusSeconds(20))).isEqualTo(Result.accepted(after));
    }

    @Test
    @DisplayName("due entries come longest-waiting first")
    void dueOrder() {
        Outbox outbox = Outbox.empty(policy)
                .enqueue(OutboxId.of("b"), "p", T0.plusSeconds(1)).orElseThrow()
                .enqueue(OutboxId.of("a"), "p", T0.plusSeconds(2)).orElseThrow()
                .enqueue(OutboxId.of("c"), "p", T0).orElseThrow();

        assertThat(outbox.due(T0.plusSeconds(5))).extracting(e -> e.id().value()).containsExactly("c", "b", "a");
    }

    @Test
    @DisplayName("an unknown entry is refused with a reason")
    void unknownEntry() {
        assertThat(Outbox.empty(policy).recordSuccess(ID, T0)).isInstanceOf(Result.Rejected.class);
        assertThat(Outbox.empty(policy).recordFailure(ID, "x", T0)).isInstanceOf(Result.Rejected.class);
    }
}
