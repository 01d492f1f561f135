package org.crisisline.server.pathway.referral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.crisisline.server.pathway.referral.ReferralFixtures.aProperRejection;
import static org.crisisline.server.pathway.testing.ReferralRequestBuilder.aReferralRequest;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.crisisline.queue.testing.MutableClock;
import org.crisisline.server.pathway.Result;
import org.crisisline.server.pathway.config.PathwaySettingsReader;

@Label("The referral lifecycle, under any sequence of commands")
class ReferralLifecyclePropertyTest {
    enum Command { QUEUE, DELIVERED, ACKNOWLEDGE, ACCEPT, REJECT, CHASE }

    @Property(tries = 500)
    @Label("a referral never moves back, a repeated command raises nothing, and a decision is final")
    void neverBackwardsAndIdempotent(@ForAll("commands") List<Command> commands) {
        MutableClock clock = new MutableClock(Instant.parse("2026-11-27T10:00:00Z"));
        ReferralLifecycle lifecycle = new ReferralLifecycle(clock, PathwaySettingsReader.defaults().referral());
        Referral referral = lifecycle.draft(ReferralId.of("r"), aReferralRequest().build()).orElseThrow();
        for (Command command : commands) {
            clock.advance(Duration.ofMinutes(1));
            Result<Referral> result = apply(lifecycle, referral, command);
            if (result instanceof Result.Accepted<Referral> accepted) {
                Referral next = accepted.value();
                assertThat(next.status()).isGreaterThanOrEqualTo(referral.status());
                if (referral.status().isDecided()) {
                    assertThat(next).isEqualTo(referral);
                }
                if (command != Command.CHASE) {
                    assertThat(apply(lifecycle, next, command)).as("repeat of " + command)
                            .isEqualTo(Result.accepted(next));
                }
                assertThat(next.reached().keySet()).allMatch(status -> status.compareTo(next.status()) <= 0);
                referral = next;
            }
        }
    }

    private static Result<Referral> apply(ReferralLifecycle lifecycle, Referral referral, Command command) {
        return switch (command) {
            case QUEUE -> lifecycle.queue(referral);
            case DELIVERED -> lifecycle.delivered(referral);
            case ACKNOWLEDGE -> lifecycle.acknowledge(referral);
            case ACCEPT -> lifecycle.accept(referral);
            case REJECT -> lifecycle.reject(referral, aProperRejection(RejectionReason.OUT_OF_AREA));
            case CHASE -> lifecycle.chase(referral);
        };
    }

    @Provide
    Arbitrary<List<Command>> commands() {
        return Arbitraries.of(Command.class).list().ofMaxSize(12);
    }
}
