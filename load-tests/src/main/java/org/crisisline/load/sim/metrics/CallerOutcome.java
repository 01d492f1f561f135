package org.crisisline.load.sim.metrics;

import java.time.Duration;
import java.util.Objects;
import org.crisisline.queue.model.Language;
import org.crisisline.queue.model.Tier;

/**
 * What happened to one person of a simulated day.
 *
 * @param tier                the tier they came in with (check-ins: {@link Tier#CHECK_IN}, even when the
 *                            screen moved the call to tier 2)
 * @param waited              from joining the queue to being connected (answered) or hanging up
 *                            (abandoned); includes the operative's ring; zero when neither happened
 * @param tookCallback        a live caller who accepted a virtual-hold callback
 * @param firstAttempt        for callbacks and check-ins, whether the first attempt was on time
 * @param answeredByClinician connected to a clinically qualified operative
 * @param interpreter         connected to an operative who does not speak their language
 */
public record CallerOutcome(Tier tier, Language language, Resolution resolution, Duration waited,
                            boolean tookCallback, FirstAttempt firstAttempt, boolean answeredByClinician,
                            boolean interpreter) {
    public CallerOutcome {
        Objects.requireNonNull(tier, "tier");
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(resolution, "resolution");
        Objects.requireNonNull(waited, "waited");
        Objects.requireNonNull(firstAttempt, "firstAttempt");
    }

    /** Answered while still on the line (not on a callback, not a check-in). */
    public boolean answeredLive() {
        return resolution == Resolution.ANSWERED && !tookCallback && tier != Tier.CHECK_IN;
    }

    public boolean abandoned() {
        return resolution == Resolution.ABANDONED;
    }
}
