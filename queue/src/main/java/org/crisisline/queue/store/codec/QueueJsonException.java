package org.crisisline.queue.store.codec;

/** Text that is not a valid queue value: names what was expected and what went wrong. */
public final class QueueJsonException extends IllegalArgumentException {
    public QueueJsonException(String message, Throwable cause) {
        super(message, cause);
    }
}
