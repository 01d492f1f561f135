package org.crisisline.server.announce;

import io.vertx.core.Future;
import java.time.Duration;
import java.util.Collection;
import java.util.Set;
import org.crisisline.queue.model.CallId;

/**
 * Which node tells each waiting caller their place: one at a time, so that with several nodes nobody hears
 * the announcement twice, and a node that is gone is replaced. A node asks for the callers it could announce
 * to; it gets those it already holds (renewed) and those nobody holds; a lease lapses {@code lease} after the
 * holder last renewed it, so another node takes over a dead one's callers.
 *
 * <p>Threading: callable from any event loop; never blocks. A failure (Redis away) fails the future: the
 * caller skips that round of announcements rather than risk doubling them.
 */
public interface AnnouncerLeases {

    /** The callers among {@code callers} that {@code node} announces to now. */
    Future<Set<CallId>> hold(String node, Collection<CallId> callers, Duration lease);
}
