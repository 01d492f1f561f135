package org.crisisline.server.callback;

import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import org.crisisline.queue.model.CallId;

/**
 * The raw numbers callers asked to be called back on, by call: the one place Crisisline keeps a raw
 * number (DOMAIN.md), from the booking until the call is over. Shared by every node that serves the
 * queue and kept across a node's restart when the queue is ({@code redis/RedisCallbackNumbers}), so a
 * callback booked on one node is made by whichever node's operative takes it.
 *
 * <p>Every operation is idempotent. A number never appears in an exception's message, a log or a
 * {@code toString}. Threading: may be called from any thread; stages may complete on another.
 */
public interface CallbackNumbers {
    /** Keeps {@code number} for {@code call}, replacing any number kept for it before. */
    CompletionStage<Void> keep(CallId call, String number);

    /**
     * Keeps {@code number} for a call that will not be made before {@code dueAt} (a callback slot, a check-in
     * days ahead): kept at least until then, however far ahead, whatever the store's safety-net expiry.
     */
    default CompletionStage<Void> keepUntilDue(CallId call, String number, Instant dueAt) {
        return keep(call, number);
    }

    /** The number kept for {@code call}, if any. */
    CompletionStage<Optional<String>> find(CallId call);

    /** Forgets the number of {@code call} (nothing if none is kept). */
    CompletionStage<Void> forget(CallId call);

    /** Releases connections; the numbers stay where they are kept. */
    default void close() {
    }
}
