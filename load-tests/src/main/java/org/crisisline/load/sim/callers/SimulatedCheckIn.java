package org.crisisline.load.sim.callers;

import java.time.Duration;
import java.time.Instant;
import org.crisisline.queue.model.CallerRef;
import org.crisisline.queue.model.Language;

/**
 * One scheduled check-in call of a simulated day, decided in advance like a {@link SimulatedCaller}.
 *
 * @param due                    when the check-in is due (the core opens it a window earlier)
 * @param talkTime               length of the conversation when the screen finds the person stable
 * @param deteriorates           whether the screen finds the person worse
 * @param talkTimeIfDeteriorated length of the conversation when it continues as a crisis call
 */
public record SimulatedCheckIn(String seriesId, CallerRef person, Instant due, Language language, Duration talkTime,
                               boolean deteriorates, Duration talkTimeIfDeteriorated, Pickup pickup) {

    /** The conversation's length, given what the screen found. */
    public Duration conversation() {
        return deteriorates ? talkTimeIfDeteriorated : talkTime;
    }
}
