package org.crisisline.load.sim.callers;

import java.time.Duration;
import java.time.Instant;
import org.crisisline.queue.model.CallId;
import org.crisisline.queue.model.CallerRef;
import org.crisisline.queue.model.Language;
import org.crisisline.queue.model.Tier;

/**
 * One live caller of a simulated day, with everything about them decided in advance: the same
 * caller, arriving at the same moment with the same needs and patience, meets every strategy.
 *
 * @param talkTime        how long the conversation lasts once connected (live or on a callback)
 * @param patience        how long they wait on the line before hanging up
 * @param acceptsCallback whether they take a callback if one is offered
 */
public record SimulatedCaller(CallId id, CallerRef caller, Instant arrives, Tier tier, Language language,
                              Duration talkTime, Duration patience, boolean acceptsCallback, Pickup pickup) {
}
