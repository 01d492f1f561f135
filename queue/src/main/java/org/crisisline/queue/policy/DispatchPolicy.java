package org.crisisline.queue.policy;

import java.time.Instant;
import java.util.Optional;

/**
 * Chooses the next call and operative to join, or nothing. Pure: it reads the view and decides;
 * the queue core applies the decision and asks again until the answer is empty.
 */
public interface DispatchPolicy {
    Optional<Assignment> next(DispatchView view, Instant now);
}
