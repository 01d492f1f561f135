package org.crisisline.queue.policy;

import java.time.Instant;
import java.util.Iterator;
import java.util.Optional;
import org.crisisline.queue.model.Call;
import org.crisisline.queue.model.Operative;
import org.crisisline.queue.ordering.WaitingLine;

/**
 * What an ordinary contact centre does (Asterisk app_queue's {@code leastrecent} strategy): the caller
 * at the head of the line goes to the free operative who finished a call longest ago. No tiers, no
 * protections, no languages (an interpreter is offered when the operative does not speak it).
 * The simulator's baseline.
 */
public final class LongestIdlePolicy implements DispatchPolicy {
    @Override
    public Optional<Assignment> next(DispatchView view, Instant now) {
        if (view.availableCount() == 0) {
            return Optional.empty();
        }
        Iterator<WaitingLine.Place> places = view.waitingInOrder();
        if (!places.hasNext()) {
            return Optional.empty();
        }
        Call head = view.call(places.next().call());
        Operative longestIdle = view.availableBestFirst().iterator().next();
        return Optional.of(new Assignment(head, longestIdle, !longestIdle.skills().speaks(head.language()), false,
                false, false));
    }
}
