package org.crisisline.load.bench;

import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import org.crisisline.queue.config.QueueConfig;
import org.crisisline.queue.model.Call;
import org.crisisline.queue.model.CallId;
import org.crisisline.queue.model.Operative;
import org.crisisline.queue.ordering.WaitingLine;
import org.crisisline.queue.policy.DispatchView;
import org.crisisline.queue.staff.Roster;

/**
 * A {@link DispatchView} built from the queue's public parts (a {@link WaitingLine}, a {@link Roster} and
 * a map of calls), the same indexes the core's own state hands its policy, so a policy decision can be
 * timed on its own. Not thread-safe.
 */
final class LineView implements DispatchView {
    final WaitingLine line;
    final Roster roster;
    private final Map<CallId, Call> calls = new HashMap<>();

    LineView(QueueConfig config) {
        this.line = new WaitingLine(config);
        this.roster = new Roster(config.protections().balanceEmotionalLoad());
    }

    void addWaiting(Call call) {
        calls.put(call.id(), call);
        line.add(call);
    }

    void put(Operative operative) {
        roster.put(operative);
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
