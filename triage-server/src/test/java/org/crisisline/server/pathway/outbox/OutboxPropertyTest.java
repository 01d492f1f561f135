package org.crisisline.server.pathway.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

@Label("The outbox, under any sequence of outcomes")
class OutboxPropertyTest {
    private static final Instant T0 = Instant.parse("2026-11-27T10:00:00Z");

    @Property(tries = 300)
    @Label("no entry is ever lost; a pending one is always due again within the cap; delivered stays delivered")
    void noEntryLost(@ForAll("outcomes") List<Integer> outcomes) {
        RetryPolicy policy = new RetryPolicy(Duration.ofSeconds(5), 3.0, Duration.ofMinutes(10), 4);
        Outbox outbox = Outbox.empty(policy);
        for (int i = 0; i < 5; i++) {
            outbox = outbox.enqueue(OutboxId.of("e" + i), "p" + i, T0).orElseThrow();
        }
        Instant now = T0;
        boolean[] delivered = new boolean[5];
        for (int outcome : outcomes) {
            int index = Math.abs(outcome) % 5;
            OutboxId id = OutboxId.of("e" + index);
            now = now.plusSeconds(7);
            if (outcome % 3 == 0) {
                outbox = outbox.recordSuccess(id, now).orElseThrow();
                delivered[index] = true;
            } else {
                outbox = outbox.recordFailure(id, "HTTP 502", now).orElseThrow();
            }
        }
        assertThat(outbox.size()).isEqualTo(5);
        for (int i = 0; i < 5; i++) {
            OutboxEntry entry = outbox.entry(OutboxId.of("e" + i)).orElseThrow();
            assertThat(entry.isPending()).isEqualTo(!delivered[i]);
            if (entry.isPending()) {
                assertThat(outbox.due(now.plus(policy.maxBackoff()))).contains(entry);
                assertThat(entry.flaggedToLeads()).isEqualTo(entry.failedAttempts() >= policy.flagAfterFailures());
            }
        }
    }

    @Provide
    Arbitrary<List<Integer>> outcomes() {
        return Arbitraries.integers().between(-1000, 1000).list().ofMaxSize(60);
    }
}
