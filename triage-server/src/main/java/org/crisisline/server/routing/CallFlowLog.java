package org.crisisline.server.routing;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.crisisline.queue.event.QueueEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs the calls flowing through the queue, one structured line per step (key=value, callers only
 * by pseudonym, never a raw number), and counts answered and abandoned calls for the summary.
 *
 * <p>Threading: {@link #record} from one owner (the routing verticle's context); the counts may be
 * read from any thread.
 */
public final class CallFlowLog {
    private static final Logger log = LoggerFactory.getLogger("crisisline.calls");

    private final AtomicLong assigned = new AtomicLong();
    private final AtomicLong answered = new AtomicLong();
    private final AtomicLong abandoned = new AtomicLong();
    private final AtomicLong completed = new AtomicLong();

    public void record(List<QueueEvent> events) {
        events.forEach(this::record);
    }

    private void record(QueueEvent event) {
        if (event instanceof QueueEvent.CallerQueued e) {
            log.info("event=queued call={} caller={} line={} tier={} kind={}", e.call().id(), e.call().caller(),
                    e.call().line(), e.call().tier().number(), e.call().kind());
        } else if (event instanceof QueueEvent.OperativeAssigned e) {
            assigned.incrementAndGet();
            log.info("event=assigned call={} operative={} tier={} kind={} waited={}s", e.call(), e.operative(),
                    e.tier().number(), e.kind(), e.waited().toSeconds());
        } else if (event instanceof QueueEvent.CallConnected e) {
            answered.incrementAndGet();
            log.info("event=connected call={} operative={} tier={} waited={}s", e.call(), e.operative(),
                    e.tier().number(), e.waited().toSeconds());
        } else if (event instanceof QueueEvent.OfferNotAnswered e) {
            log.info("event=offer-not-answered call={} operative={}", e.call(), e.operative());
        } else if (event instanceof QueueEvent.CallCompleted e) {
            completed.incrementAndGet();
            log.info("event=completed call={} operative={} tier={} talk={}s", e.call(), e.operative(),
                    e.tier().number(), e.talkTime().toSeconds());
        } else if (event instanceof QueueEvent.CallerAbandoned e) {
            abandoned.incrementAndGet();
            log.info("event=abandoned call={} tier={} waited={}s", e.call(), e.tier().number(), e.waited().toSeconds());
        } else if (event instanceof QueueEvent.VirtualHoldAccepted e) {
            log.info("event=virtual-hold call={}", e.call());
        } else if (event instanceof QueueEvent.CallbackBooked e) {
            log.info("event=slot-booked call={} slot={}", e.call(), e.slotStart());
        } else if (event instanceof QueueEvent.CallbackAttemptFailed e) {
            log.info("event=callback-failed call={} attempt={} reason={}", e.call(), e.attempt(), e.reason());
        } else if (event instanceof QueueEvent.ClinicalLeadAlerted e) {
            log.warn("event=lead-alerted reason={} call={} detail={}", e.reason(), e.call().map(Object::toString)
                    .orElse("-"), e.detail());
        }
    }

    /**
     * Operatives assigned to calls by this node's commands so far: with several nodes, the node that
     * assigned is the one that rings.
     */
    public long assigned() {
        return assigned.get();
    }

    /** Calls connected to an operative so far (live and called back). */
    public long answered() {
        return answered.get();
    }

    public long abandoned() {
        return abandoned.get();
    }

    public long completed() {
        return completed.get();
    }
}
