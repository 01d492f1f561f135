package org.crisisline.queue.core;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.crisisline.queue.model.CallId;

/**
 * Remembers recently ended calls so that a repeated command for one (a duplicate Hangup, a replayed
 * enqueue) changes nothing. Bounded: the oldest are forgotten first, long after any PBX repeats.
 */
final class EndedCalls {
    private final Map<CallId, Boolean> ended;

    EndedCalls(int capacity) {
        this.ended = new LinkedHashMap<>(1024, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<CallId, Boolean> eldest) {
                return size() > capacity;
            }
        };
    }

    void add(CallId id) {
        ended.put(id, Boolean.TRUE);
    }

    /** Oldest first, for a core image. */
    List<CallId> inOrder() {
        return new ArrayList<>(ended.keySet());
    }

    boolean contains(CallId id) {
        return ended.containsKey(id);
    }
}
