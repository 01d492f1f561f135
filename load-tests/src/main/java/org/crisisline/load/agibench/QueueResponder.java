package org.crisisline.load.agibench;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.MessageConsumer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.crisisline.telephony.agi.BookCallback;
import org.crisisline.telephony.agi.CallbackBooked;
import org.crisisline.telephony.agi.CallerArrived;
import org.crisisline.telephony.agi.CallerLeft;
import org.crisisline.telephony.agi.CallerRegistered;
import org.crisisline.telephony.agi.IvrQueue;
import org.crisisline.telephony.bus.LocalMessageCodec;

/**
 * Crisisline's queue as the IVR sees it, reduced to replying at once: every caller is registered
 * ({@link IvrQueue#CALLER_ARRIVED}), with a callback offer if asked (an estimated wait of 10 minutes, no
 * slots: the caller can take virtual hold or keep waiting), every booking succeeds, departures are
 * counted. Consumers run on the event loop of the context {@link #start} is called from.
 */
final class QueueResponder {
    private static final Duration WAIT = Duration.ofMinutes(10);

    private final Vertx vertx;
    private final boolean offerCallback;
    private final AtomicLong ids = new AtomicLong();
    final LongAdder registered = new LongAdder();
    /** Callers who said they were in immediate danger (a typical bench caller never does). */
    final LongAdder inDanger = new LongAdder();
    final LongAdder booked = new LongAdder();
    final LongAdder left = new LongAdder();

    QueueResponder(Vertx vertx, boolean offerCallback) {
        this.vertx = vertx;
        this.offerCallback = offerCallback;
    }

    Future<Void> start() {
        LocalMessageCodec.install(vertx);
        MessageConsumer<CallerArrived> arrived = vertx.eventBus().consumer(IvrQueue.CALLER_ARRIVED, message -> {
            registered.increment();
            if (message.body().dangerNow()) {
                inDanger.increment();
            }
            String callId = "call-" + ids.incrementAndGet();
            message.reply(offerCallback ? new CallerRegistered(callId, true, WAIT, List.of())
                    : CallerRegistered.noOffer(callId, WAIT));
        });
        MessageConsumer<BookCallback> book = vertx.eventBus().consumer(IvrQueue.BOOK_CALLBACK, message -> {
            booked.increment();
            message.reply(new CallbackBooked("callback-" + ids.incrementAndGet()));
        });
        MessageConsumer<CallerLeft> gone = vertx.eventBus().consumer(IvrQueue.CALLER_LEFT, message -> left.increment());
        return Future.all(arrived.completion(), book.completion(), gone.completion()).mapEmpty();
    }
}
