package org.crisisline.server.metrics;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.crisisline.queue.core.QueueSnapshot;
import org.crisisline.queue.model.Call;
import org.crisisline.queue.model.CallKind;
import org.crisisline.queue.model.CallState;
import org.crisisline.queue.model.OperativeState;
import org.crisisline.queue.model.Tier;

/**
 * The numbers leads watch, read from one {@link QueueSnapshot}: per tier, callers waiting, longest and
 * estimated wait; callbacks in the queue (virtual hold, or a slot that has opened) and those past their
 * on-time deadline; check-ins in the queue; operatives per state and per load band (offline operatives
 * are not banded). A pure function of the snapshot; immutable.
 */
public record QueueReadings(Instant at, Map<Tier, Integer> waiting, Map<Tier, Duration> longestWait,
        Map<Tier, Duration> estimatedWait, int callbacksDue, int callbacksOverdue, int checkInsDue,
        Map<OperativeState, Integer> operativesByState, Map<String, Integer> operativesByLoadBand) {

    public QueueReadings {
        waiting = Map.copyOf(waiting);
        longestWait = Map.copyOf(longestWait);
        estimatedWait = Map.copyOf(estimatedWait);
        operativesByState = Map.copyOf(operativesByState);
        operativesByLoadBand = Map.copyOf(operativesByLoadBand);
    }

    public static QueueReadings of(QueueSnapshot snapshot, LoadBands bands) {
        Map<Tier, Integer> waiting = new EnumMap<>(Tier.class);
        Map<Tier, Duration> longest = new EnumMap<>(Tier.class);
        Map<Tier, Duration> estimated = new EnumMap<>(Tier.class);
        for (Tier tier : Tier.values()) {
            waiting.put(tier, snapshot.waitingByTier().getOrDefault(tier, 0));
            longest.put(tier, snapshot.longestWaitByTier().getOrDefault(tier, Duration.ZERO));
            estimated.put(tier, snapshot.estimatedWaitByTier().getOrDefault(tier, Duration.ZERO));
        }
        List<Call> callbacks = openCalls(snapshot)
                .filter(call -> call.state() == CallState.WAITING)
                .filter(call -> call.kind() == CallKind.VIRTUAL_HOLD || call.kind() == CallKind.SLOT_CALLBACK)
                .toList();
        int overdue = (int) callbacks.stream()
                .filter(call -> call.dueBy().filter(due -> due.isBefore(snapshot.at())).isPresent())
                .count();
        int checkIns = (int) openCalls(snapshot)
                .filter(call -> call.state() == CallState.WAITING && call.kind() == CallKind.CHECK_IN)
                .count();
        Map<OperativeState, Integer> byState = new EnumMap<>(OperativeState.class);
        for (OperativeState state : OperativeState.values()) {
            byState.put(state, 0);
        }
        Map<String, Integer> byBand = new LinkedHashMap<>();
        LoadBands.NAMES.forEach(name -> byBand.put(name, 0));
        for (QueueSnapshot.OperativeLoad load : snapshot.operatives()) {
            byState.merge(load.operative().state(), 1, Integer::sum);
            if (load.operative().state() != OperativeState.OFFLINE) {
                byBand.merge(bands.bandOf(load.load()), 1, Integer::sum);
            }
        }
        return new QueueReadings(snapshot.at(), waiting, longest, estimated, callbacks.size(), overdue, checkIns,
                byState, byBand);
    }

    private static Stream<Call> openCalls(QueueSnapshot snapshot) {
        return Stream.concat(snapshot.waiting().stream(), snapshot.otherOpen().stream()).distinct();
    }
}
