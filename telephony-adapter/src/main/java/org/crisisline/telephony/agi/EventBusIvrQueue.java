package org.crisisline.telephony.agi;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.EventBus;
import java.time.Duration;
import java.util.concurrent.CompletionStage;
import org.crisisline.telephony.bus.LocalMessageCodec;

/** {@link IvrQueue} as requests on the event bus, each with a send timeout. Thread-safe. */
final class EventBusIvrQueue implements IvrQueue {
    private final EventBus bus;
    private final DeliveryOptions withTimeout;

    EventBusIvrQueue(Vertx vertx, Duration timeout) {
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("queue-timeout must be positive: " + timeout);
        }
        LocalMessageCodec.install(vertx);
        this.bus = vertx.eventBus();
        this.withTimeout = new DeliveryOptions().setSendTimeout(timeout.toMillis());
    }

    @Override
    public CompletionStage<CallerRegistered> callerArrived(CallerArrived arrived) {
        return request(CALLER_ARRIVED, arrived, CallerRegistered.class);
    }

    @Override
    public CompletionStage<CallbackBooked> bookCallback(BookCallback booking) {
        return request(BOOK_CALLBACK, booking, CallbackBooked.class);
    }

    @Override
    public void callerLeft(CallerLeft left) {
        bus.send(CALLER_LEFT, left);
    }

    private <T> CompletionStage<T> request(String address, Object body, Class<T> replyType) {
        return bus.request(address, body, withTimeout)
                .compose(reply -> replyType.isInstance(reply.body())
                        ? Future.succeededFuture(replyType.cast(reply.body()))
                        : Future.failedFuture(new IllegalStateException(address + " replied with "
                                + (reply.body() == null ? "nothing" : reply.body().getClass().getName()))))
                .toCompletionStage();
    }
}
