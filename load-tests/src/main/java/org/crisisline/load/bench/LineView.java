package org.crisisline.load.bench;

import java.util.HashMap;
import java.util.Map;
import org.crisisline.queue.config.QueueConfig;
import org.crisisline.queue.model.Call;
import org.crisisline.queue.model.CallId;
import org.crisisline.queue.model.Operative;
import org.crisisline.queue.ordering.WaitingLine;
import org.crisisline.queue.policy.DispatchView;
import org.crisisline.queue.policy.LineAndRosterView;
import org.crisisline.queue.staff.Roster;

/**
 * The indexes the core hands its policy (a {@link WaitingLine}, a {@link Roster} and the open calls),
 * built directly, so a policy decision can be timed on its own. Not thread-safe.
 */
final class LineView {
    final WaitingLine line;
    final Roster roster;
    private final Map<CallId, Call> calls = new HashMap<>();
    final DispatchView view;

    LineView(QueueConfig config) {
        this.line = new WaitingLine(config);
        this.roster = new Roster(config.protections().balanceEmotionalLoad());
        this.view = new LineAndRosterView(line, calls, roster);
    }

    void addWaiting(Call call) {
        calls.put(call.id(), call);
        line.add(call);
    }

    void put(Operative operative) {
        roster.put(operative);
    }
}
