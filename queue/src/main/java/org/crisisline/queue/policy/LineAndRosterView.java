package org.crisisline.queue.policy;

import java.util.Collection;
import java.util.Iterator;
import java.util.Map;
import java.util.Objects;
import org.crisisline.queue.model.Call;
import org.crisisline.queue.model.CallId;
import org.crisisline.queue.model.Operative;
import org.crisisline.queue.ordering.WaitingLine;
import org.crisisline.queue.staff.Roster;

/**
 * The {@link DispatchView} over the queue's own indexes: a waiting line, the open calls it refers to,
 * and the roster. Reads them live; valid while its owner does not change them.
 */
public final class LineAndRosterView implements DispatchView {
    private final WaitingLine line;
    private final Map<CallId, Call> calls;
    private final Roster roster;

    public LineAndRosterView(WaitingLine line, Map<CallId, Call> calls, Roster roster) {
        this.line = Objects.requireNonNull(line, "line");
        this.calls = Objects.requireNonNull(calls, "calls");
        this.roster = Objects.requireNonNull(roster, "roster");
    }

    @Override
    public Iterator<WaitingLine.Place> waitingInOrder() {
        return line.inOrder();
    }

    @Override
    public Call call(CallId id) {
        Call call = calls.get(id);
        if (call == null) {
            throw new IllegalStateException("the line holds a call that is not open: " + id);
        }
        return call;
    }

    @Override
    public Iterable<Operative> available(boolean clinical) {
        return roster.available(clinical);
    }

    @Override
    public Iterable<Operative> availableBestFirst() {
        return roster.availableBestFirst();
    }

    @Override
    public int availableCount() {
        return roster.availableCount();
    }

    @Override
    public Collection<Operative> recovering() {
        return roster.recovering();
    }
}
