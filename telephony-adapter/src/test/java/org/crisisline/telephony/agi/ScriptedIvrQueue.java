package org.crisisline.telephony.agi;

import io.vertx.core.Vertx;
import io.vertx.core.eventbus.MessageConsumer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A stand-in for the triage server's consumers of the IVR's addresses, for tests: registers every
 * caller with one estimated wait and applies DOMAIN.md's offer rule (tier 2 over 3 minutes, tier 3
 * over 2 minutes, never tier 1), books every callback, and records what it was sent. {@link #silent}
 * takes requests and never answers, like a queue that is down. Records are read from test threads.
 */
final class ScriptedIvrQueue {
    final List<CallerArrived> arrivals = new CopyOnWriteArrayList<>();
    final List<BookCallback> bookings = new CopyOnWriteArrayList<>();
    final List<CallerLeft> departures = new CopyOnWriteArrayList<>();

    private final Duration estimatedWait;
    private final List<CallbackSlot> slots;
    private final boolean answers;
    private final AtomicInteger ids = new AtomicInteger();
    private final List<MessageConsumer<?>> consumers = new CopyOnWriteArrayList<>();

    private ScriptedIvrQueue(Duration estimatedWait, List<CallbackSlot> slots, boolean answers) {
        this.estimatedWait = estimatedWait;
        this.slots = List.copyOf(slots);
        this.answers = answers;
    }

    static ScriptedIvrQueue waiting(Duration estimatedWait, List<CallbackSlot> slots) {
        return new ScriptedIvrQueue(estimatedWait, slots, true);
    }

    static ScriptedIvrQueue silent() {
        return new ScriptedIvrQueue(Duration.ZERO, List.of(), false);
    }

    static boolean offersCallback(IvrTier tier, Duration wait) {
        return switch (tier) {
            case IMMEDIATE_RISK -> false;
            case CRISIS -> wait.compareTo(Duration.ofMinutes(3)) > 0;
            case SUPPORT -> wait.compareTo(Duration.ofMinutes(2)) > 0;
        };
    }

    ScriptedIvrQueue listen(Vertx vertx) throws Exception {
        consumers.add(vertx.eventBus().<CallerArrived>consumer(IvrQueue.CALLER_ARRIVED, message -> {
            arrivals.add(message.body());
            if (answers) {
                String callId = "call-" + ids.incrementAndGet();
                message.reply(new CallerRegistered(callId, offersCallback(message.body().tier(), estimatedWait),
                        estimatedWait, slots));
            }
        }));
        consumers.add(vertx.eventBus().<BookCallback>consumer(IvrQueue.BOOK_CALLBACK, message -> {
            bookings.add(message.body());
            if (answers) {
                message.reply(new CallbackBooked("callback-" + ids.incrementAndGet()));
            }
        }));
        consumers.add(vertx.eventBus().<CallerLeft>consumer(IvrQueue.CALLER_LEFT,
                message -> departures.add(message.body())));
        for (MessageConsumer<?> consumer : consumers) {
            consumer.completion().await(5, TimeUnit.SECONDS);
        }
        return this;
    }
}
