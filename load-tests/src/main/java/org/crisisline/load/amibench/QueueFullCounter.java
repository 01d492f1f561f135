package org.crisisline.load.amibench;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.LoggerFactory;

/**
 * Counts the AMI events asterisk-java drops. Its reader hands each event to {@code AsyncEventPump},
 * whose queue holds 20,000; when it is full the event is dropped and one error is logged,
 * "Event queue is full, not processing ManagerEvent ..." (asterisk-java 3.42.2). Attached to that
 * class's logger instead of the console (a dropped event would otherwise print a line), so the count
 * is exact. Thread-safe.
 */
final class QueueFullCounter extends AppenderBase<ILoggingEvent> implements AutoCloseable {
    static final String PUMP_LOGGER = "org.asteriskjava.manager.internal.AsyncEventPump";
    private static final String QUEUE_FULL = "Event queue is full";

    private final LongAdder dropped = new LongAdder();
    private final Logger logger;

    private QueueFullCounter(Logger logger) {
        this.logger = logger;
    }

    /** Attaches a counter to asterisk-java's pump logger; {@link #close()} detaches it. */
    static QueueFullCounter attach() {
        if (!(LoggerFactory.getLogger(PUMP_LOGGER) instanceof Logger logger)) {
            throw new IllegalStateException("logback is not SLF4J's binding: dropped events cannot be counted");
        }
        QueueFullCounter counter = new QueueFullCounter(logger);
        counter.setName("ami-bench-queue-full");
        counter.setContext(logger.getLoggerContext());
        counter.start();
        logger.addAppender(counter);
        logger.setAdditive(false);
        return counter;
    }

    @Override
    protected void append(ILoggingEvent event) {
        String message = event.getFormattedMessage();
        if (message != null && message.contains(QUEUE_FULL)) {
            dropped.increment();
        }
    }

    long dropped() {
        return dropped.sum();
    }

    @Override
    public void close() {
        logger.detachAppender(this);
        logger.setAdditive(true);
        stop();
    }
}
