package org.crisisline.queue.store.redis;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Group commit for appends: while {@code maxInFlight} appends are out, commands queue up here and go
 * to Redis together in the next one, in the order they were given. Under load this turns many small
 * script calls into a few larger ones (Redis spends most of an append on the call, not the entry);
 * with nothing in flight, a command goes at once, so a quiet line gets no extra latency.
 *
 * <p>Threading: used only from the store's context.
 */
final class GroupCommit {
    /** One command waiting for its entry id. */
    record Pending(String commandId, String commandJson, Instant nodeNow, boolean dedupe, Promise<String> entryId) {
    }

    private final Function<List<Pending>, Future<List<String>>> appendAll;
    private final int maxInFlight;
    private final int maxBatch;
    private final List<Pending> waiting = new ArrayList<>();
    private int inFlight;

    GroupCommit(Function<List<Pending>, Future<List<String>>> appendAll, int maxInFlight, int maxBatch) {
        this.appendAll = appendAll;
        this.maxInFlight = maxInFlight;
        this.maxBatch = maxBatch;
    }

    Future<String> append(String commandId, String commandJson, Instant nodeNow, boolean dedupe) {
        Promise<String> entryId = Promise.promise();
        waiting.add(new Pending(commandId, commandJson, nodeNow, dedupe, entryId));
        sendIfFree();
        return entryId.future();
    }

    private void sendIfFree() {
        while (inFlight < maxInFlight && !waiting.isEmpty()) {
            int size = Math.min(maxBatch, waiting.size());
            List<Pending> batch = new ArrayList<>(waiting.subList(0, size));
            waiting.subList(0, size).clear();
            inFlight++;
            appendAll.apply(batch).onComplete(result -> {
                inFlight--;
                for (int i = 0; i < batch.size(); i++) {
                    if (result.succeeded()) {
                        batch.get(i).entryId().complete(result.result().get(i));
                    } else {
                        batch.get(i).entryId().fail(result.cause());
                    }
                }
                sendIfFree();
            });
        }
    }
}
