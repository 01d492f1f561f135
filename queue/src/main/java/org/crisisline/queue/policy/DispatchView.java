package org.crisisline.queue.policy;

import java.util.Collection;
import java.util.Iterator;
import org.crisisline.queue.model.Call;
import org.crisisline.queue.model.CallId;
import org.crisisline.queue.model.Operative;
import org.crisisline.queue.ordering.WaitingLine;

/** What a {@link DispatchPolicy} may look at: read-only, valid for one decision. */
public interface DispatchView {
    /** Waiting calls in serving order, as places (tier-1 first, then by place key). */
    Iterator<WaitingLine.Place> waitingInOrder();

    Call call(CallId id);

    /** Available clinically qualified (or not) operatives, the best candidate first. */
    Iterable<Operative> available(boolean clinical);

    /** Every available operative, the best candidate first. */
    Iterable<Operative> availableBestFirst();

    int availableCount();

    /** Operatives in recovery time. */
    Collection<Operative> recovering();
}
