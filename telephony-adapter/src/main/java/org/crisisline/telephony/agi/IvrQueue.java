package org.crisisline.telephony.agi;

import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.concurrent.CompletionStage;

/**
 * The IVR's port to Crisisline's queue. The triage server implements the consumers of the three
 * addresses below; {@link #overEventBus} is the IVR's side.
 *
 * <p>Contract for a consumer: {@link #CALLER_ARRIVED} takes a {@link CallerArrived} and replies with a
 * {@link CallerRegistered}; {@link #BOOK_CALLBACK} takes a {@link BookCallback} and replies with a
 * {@link CallbackBooked} or fails with {@link #SLOT_TAKEN} or {@link #UNKNOWN_CALL}; {@link #CALLER_LEFT}
 * takes a {@link CallerLeft} and needs no reply. The messages are local records
 * ({@link org.crisisline.telephony.bus.LocalMessage}): the consumer must run on the same node. Reply
 * within the IVR's {@code queue-timeout} (default 2 s): a caller is listening to silence meanwhile,
 * and after it the IVR sends them to Asterisk's own queue ({@code TRIAGE_ROUTE=queue}).
 *
 * <p>Threading: methods may be called from any thread and must not block; the IVR blocks on the
 * returned stages on its own FastAGI threads, never on an event loop.
 */
public interface IvrQueue {
    /** Register a caller: {@link CallerArrived} in, {@link CallerRegistered} out. */
    String CALLER_ARRIVED = "crisisline.ivr.caller-arrived";
    /** Book a callback: {@link BookCallback} in, {@link CallbackBooked} out. */
    String BOOK_CALLBACK = "crisisline.ivr.book-callback";
    /** A caller left the IVR: {@link CallerLeft} in, no reply. */
    String CALLER_LEFT = "crisisline.ivr.caller-left";

    /** Failure code of {@link #BOOK_CALLBACK}: the slot filled up meanwhile. */
    int SLOT_TAKEN = 409;
    /** Failure code of {@link #BOOK_CALLBACK}: the queue does not know the call id (any more). */
    int UNKNOWN_CALL = 404;

    /** Registers the caller; fails when the queue does not answer in time or refuses. */
    CompletionStage<CallerRegistered> callerArrived(CallerArrived arrived);

    /** Books the callback; fails when the queue does not answer in time or refuses. */
    CompletionStage<CallbackBooked> bookCallback(BookCallback booking);

    /** Tells the queue the caller left; fire and forget. */
    void callerLeft(CallerLeft left);

    /**
     * The queue over this node's event bus. Installs the local message codec; each request fails
     * with a {@link io.vertx.core.eventbus.ReplyException} after {@code timeout}.
     */
    static IvrQueue overEventBus(Vertx vertx, Duration timeout) {
        return new EventBusIvrQueue(vertx, timeout);
    }
}
