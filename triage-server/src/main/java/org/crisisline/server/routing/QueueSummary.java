package org.crisisline.server.routing;

import java.util.EnumMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.crisisline.queue.core.QueueSnapshot;
import org.crisisline.queue.model.OperativeState;
import org.crisisline.queue.model.Tier;

/**
 * The one-line picture of the queue the server prints every few seconds: callers waiting per tier,
 * operatives by state, calls answered, completed and abandoned. Pure: formats what it is given.
 */
public final class QueueSummary {
    private QueueSummary() {
    }

    public static String of(QueueSnapshot snapshot, long answered, long completed, long abandoned) {
        Map<Tier, Integer> waiting = new EnumMap<>(Tier.class);
        for (Tier tier : Tier.values()) {
            waiting.put(tier, snapshot.waitingByTier().getOrDefault(tier, 0));
        }
        Map<OperativeState, Long> states = new TreeMap<>(snapshot.operatives().stream()
                .collect(Collectors.groupingBy(load -> load.operative().state(), Collectors.counting())));
        return "waiting t1=" + waiting.get(Tier.IMMEDIATE_RISK) + " t2=" + waiting.get(Tier.CRISIS)
                + " t3=" + waiting.get(Tier.SUPPORT) + " check-in=" + waiting.get(Tier.CHECK_IN)
                + " | operatives " + states.entrySet().stream()
                        .map(e -> e.getKey().name().toLowerCase().replace('_', '-') + "=" + e.getValue())
                        .collect(Collectors.joining(" "))
                + " | answered=" + answered + " completed=" + completed + " abandoned=" + abandoned;
    }
}
