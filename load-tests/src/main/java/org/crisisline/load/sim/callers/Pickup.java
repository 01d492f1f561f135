package org.crisisline.load.sim.callers;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * How the phones go for one person, drawn once per person so that every strategy meets the same
 * behaviour whichever operative ends up calling.
 *
 * @param operativeRing          how long the operative's phone rings before they pick up
 * @param calleeRing             how long the person's phone rings before they answer an agent-first call
 * @param calleeAnswersByAttempt whether the person answers agent-first attempt 1, 2, ...
 */
public record Pickup(Duration operativeRing, Duration calleeRing, List<Boolean> calleeAnswersByAttempt) {
    public Pickup {
        Objects.requireNonNull(operativeRing, "operativeRing");
        Objects.requireNonNull(calleeRing, "calleeRing");
        calleeAnswersByAttempt = List.copyOf(calleeAnswersByAttempt);
    }

    /** Whether the person answers this agent-first attempt (1-based); attempts past those drawn go unanswered. */
    public boolean calleeAnswers(int attempt) {
        return attempt >= 1 && attempt <= calleeAnswersByAttempt.size() && calleeAnswersByAttempt.get(attempt - 1);
    }
}
