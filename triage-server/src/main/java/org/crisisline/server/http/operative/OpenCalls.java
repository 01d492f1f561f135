package org.crisisline.server.http.operative;

import io.vertx.core.Future;
import java.util.Objects;
import org.crisisline.queue.model.Call;
import org.crisisline.queue.model.CallId;
import org.crisisline.server.auth.web.ApiError;
import org.crisisline.server.http.QueueAccess;
import org.crisisline.server.http.Requester;

/**
 * Finds an open call for someone who may act on it or read about it: the operative on the call, or any
 * clinical lead. 404 {@code unknown-call} when it is not open, 403 {@code not-your-call} for anyone else.
 * Event loop only.
 */
final class OpenCalls {
    private final QueueAccess queue;

    OpenCalls(QueueAccess queue) {
        this.queue = Objects.requireNonNull(queue, "queue");
    }

    Future<Call> callFor(Requester who, CallId id) {
        return queue.fullSnapshot().map(snapshot -> {
            Call call = QueueAccess.openCall(snapshot, id).orElseThrow(() ->
                    new ApiError(404, "unknown-call", "There is no open call " + id + "."));
            boolean theirs = who.operative().isPresent() && call.operative().equals(who.operative());
            if (!theirs && !who.isLead()) {
                throw new ApiError(403, "not-your-call",
                        "Only the operative on this call or a clinical lead may do this.");
            }
            return call;
        });
    }
}
