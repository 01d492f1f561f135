package org.crisisline.server.routing;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.crisisline.queue.event.QueueEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.spi.LoggingEventBuilder;

/**
 * Logs the calls flowing through the queue, one structured entry per step (its facts as key/value pairs,
 * callers only by pseudonym, never a raw number), and counts answered and abandoned calls for the summary.
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
            step("queued").addKeyValue("call", e.call().id()).addKeyValue("caller", e.call().caller())
                    .addKeyValue("line", e.call().line()).addKeyValue("tier", e.call().tier().number())
                    .addKeyValue("kind", e.call().kind()).log();
        } else if (event instanceof QueueEvent.OperativeAssigned e) {
            assigned.incrementAndGet();
            step("assigned").addKeyValue("call", e.call()).addKeyValue("operative", e.operative())
                    .addKeyValue("tier", e.tier().number()).addKeyValue("kind", e.kind())
                    .addKeyValue("waitedSeconds", e.waited().toSeconds()).log();
        } else if (event instanceof QueueEvent.CallConnected e) {
            answered.incrementAndGet();
            step("connected").addKeyValue("call", e.call()).addKeyValue("operative", e.operative())
                    .addKeyValue("tier", e.tier().number()).addKeyValue("waitedSeconds", e.waited().toSeconds()).log();
        } else if (event instanceof QueueEvent.OfferNotAnswered e) {
            step("offer-not-answered").addKeyValue("call", e.call()).addKeyValue("operative", e.operative()).log();
        } else if (event instanceof QueueEvent.CallCompleted e) {
            completed.incrementAndGet();
            step("completed").addKeyValue("call", e.call()).addKeyValue("operative", e.operative())
                    .addKeyValue("tier", e.tier().number()).addKeyValue("talkSeconds", e.talkTime().toSeconds()).log();
        } else if (event instanceof QueueEvent.CallerAbandoned e) {
            abandoned.incrementAndGet();
            step("abandoned").addKeyValue("call", e.call()).addKeyValue("tier", e.tier().number())
                    .addKeyValue("waitedSeconds", e.waited().toSeconds()).log();
        } else if (event instanceof QueueEvent.VirtualHoldAccepted e) {
            step("virtual-hold").addKeyValue("call", e.call()).log();
        } else if (event instanceof QueueEvent.CallbackBooked e) {
            step("slot-booked").addKeyValue("call", e.call()).addKeyValue("slot", e.slotStart()).log();
        } else if (event instanceof QueueEvent.CallbackAttemptFailed e) {
            step("callback-failed").addKeyValue("call", e.call()).addKeyValue("attempt", e.attempt())
                    .addKeyValue("reason", e.reason()).log();
        } else if (event instanceof QueueEvent.ClinicalLeadAlerted e) {
            log.atWarn().setMessage("lead-alerted").addKeyValue("reason", e.reason()).addKeyValue("call", e.call().map(Object::toString).orElse("-"))
                    .addKeyValue("detail", e.detail()).log();
        }
    }

    /** One call-flow step: its name is the message, its facts are key/value pairs. */
    private static LoggingEventBuilder step(String name) {
        return log.atInfo().setMessage(name);
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
