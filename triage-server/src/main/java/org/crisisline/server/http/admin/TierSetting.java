package org.crisisline.server.http.admin;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.crisisline.queue.model.Tier;

/** What an admin sets for a tier: its answer target, when a callback is offered, recovery after a call. Immutable. */
public record TierSetting(Tier tier, Duration answerTarget, Optional<Duration> callbackOfferAbove,
        Duration recoveryAfter) {
    public TierSetting {
        Objects.requireNonNull(tier, "tier");
        Objects.requireNonNull(answerTarget, "answerTarget");
        Objects.requireNonNull(callbackOfferAbove, "callbackOfferAbove");
        Objects.requireNonNull(recoveryAfter, "recoveryAfter");
    }
}
