package org.crisisline.load.redisbench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.crisisline.queue.core.QueueSnapshot;
import org.crisisline.queue.model.Call;
import org.crisisline.queue.model.OperativeState;
import org.crisisline.queue.store.redis.RedisQueueStore;

/**
 * Whether every node's replica is the same: read at the same applied sequence, the nodes must agree on
 * the waiting line (who, in which order), every other open call (state and operative) and every
 * operative's state. A node still applying is read again until all are at the same sequence.
 */
final class ReplicaCheck {
    private static final int ATTEMPTS = 200;

    /** One node's view, read between two equal sequence numbers. */
    record View(long sequence, int waiting, Map<OperativeState, Integer> operatives, int fingerprint) {
    }

    /**
     * The views of every node at one sequence.
     *
     * @param agree  every view equal
     */
    record Result(List<View> views, boolean agree) {
    }

    static Result check(List<RedisQueueStore> nodes) {
        List<View> last = List.of();
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            List<View> views = new ArrayList<>();
            for (RedisQueueStore node : nodes) {
                views.add(read(node));
            }
            last = views;
            View first = views.get(0);
            boolean sameSequence = first != null && views.stream().allMatch(v -> v != null && v.sequence() == first.sequence());
            if (sameSequence) {
                return new Result(views, views.stream().allMatch(first::equals));
            }
            sleep(Duration.ofMillis(20));
        }
        return new Result(last, false);
    }

    /** The node's view, or null if it applied entries while being read. */
    private static View read(RedisQueueStore node) {
        long before = node.appliedSequence().toCompletableFuture().join();
        QueueSnapshot snapshot = node.snapshot(Integer.MAX_VALUE).toCompletableFuture().join();
        long after = node.appliedSequence().toCompletableFuture().join();
        if (before != after) {
            return null;
        }
        Map<OperativeState, Integer> states = new EnumMap<>(OperativeState.class);
        List<Object> picture = new ArrayList<>();
        for (Call call : snapshot.waiting()) {
            picture.add(call.id());
        }
        for (Call call : snapshot.otherOpen()) {
            picture.add(List.of(call.id(), call.state(), call.operative()));
        }
        for (QueueSnapshot.OperativeLoad load : snapshot.operatives()) {
            states.merge(load.operative().state(), 1, Integer::sum);
            picture.add(List.of(load.operative().id(), load.operative().state()));
        }
        int waiting = snapshot.waitingByTier().values().stream().mapToInt(Integer::intValue).sum();
        return new View(before, waiting, states, picture.hashCode());
    }

    private static void sleep(Duration pause) {
        try {
            Thread.sleep(pause.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
