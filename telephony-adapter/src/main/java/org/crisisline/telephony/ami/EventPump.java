package org.crisisline.telephony.ami;

import java.time.Clock;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;
import org.asteriskjava.manager.ManagerEventListener;
import org.asteriskjava.manager.event.DisconnectEvent;
import org.asteriskjava.manager.event.ManagerEvent;
import org.crisisline.telephony.event.TelephonyEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The listener on asterisk-java's event-pump thread. It must return at once (asterisk-java drops
 * events once its 20,000-event queue is full), so it only copies the event into Crisisline's record
 * ({@link AmiEventMapper}) and hands it to {@code sink}, which must not block either (the link passes
 * it on with {@code Context.runOnContext}). Events Crisisline does not read are counted and dropped;
 * an event that fails to map is counted, logged and dropped: the pump never sees an exception.
 */
final class EventPump implements ManagerEventListener {
    private static final Logger LOG = LoggerFactory.getLogger(EventPump.class);

    private final AmiEventMapper mapper;
    private final Clock clock;
    private final Consumer<TelephonyEvent> sink;
    private final Runnable disconnected;
    private final LongAdder translated;
    private final LongAdder ignored;

    EventPump(AmiEventMapper mapper, Clock clock, Consumer<TelephonyEvent> sink, Runnable disconnected,
              LongAdder translated, LongAdder ignored) {
        this.mapper = mapper;
        this.clock = clock;
        this.sink = sink;
        this.disconnected = disconnected;
        this.translated = translated;
        this.ignored = ignored;
    }

    @Override
    public void onManagerEvent(ManagerEvent event) {
        try {
            if (event instanceof DisconnectEvent) {
                disconnected.run();
                return;
            }
            mapper.map(event, clock.instant()).ifPresentOrElse(mapped -> {
                translated.increment();
                sink.accept(mapped);
            }, ignored::increment);
        } catch (RuntimeException e) {
            ignored.increment();
            LOG.warn("AMI event {} dropped: it could not be read", event.getClass().getSimpleName(), e);
        }
    }
}
