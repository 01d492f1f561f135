package org.crisisline.server.announce.memory;

import io.vertx.core.Future;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.crisisline.queue.model.CallId;
import org.crisisline.server.announce.AnnouncerLeases;

/**
 * {@link AnnouncerLeases} in this process (the embedded default, one node; also what tests use for several
 * routers in one JVM). Leases past their end are forgotten as callers are asked about. Thread-safe.
 */
public final class InMemoryAnnouncerLeases implements AnnouncerLeases {
    private record Lease(String node, Instant until) {
    }

    private final Clock clock;
    private final Map<CallId, Lease> leases = new HashMap<>();

    public InMemoryAnnouncerLeases(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public synchronized Future<Set<CallId>> hold(String node, Collection<CallId> callers, Duration lease) {
        Instant now = clock.instant();
        leases.values().removeIf(held -> !held.until().isAfter(now));
        Set<CallId> held = new LinkedHashSet<>();
        for (CallId caller : callers) {
            Lease current = leases.get(caller);
            if (current == null || current.node().equals(node)) {
                leases.put(caller, new Lease(node, now.plus(lease)));
                held.add(caller);
            }
        }
        return Future.succeededFuture(held);
    }
}
