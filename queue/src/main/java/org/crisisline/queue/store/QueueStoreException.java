package org.crisisline.queue.store;

/** A store could not do its work (backend unreachable, timed out): the one failure type of the store layer. */
public class QueueStoreException extends RuntimeException {
    public QueueStoreException(String message) {
        super(message);
    }

    public QueueStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
