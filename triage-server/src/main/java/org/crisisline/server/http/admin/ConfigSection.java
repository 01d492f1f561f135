package org.crisisline.server.http.admin;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import org.crisisline.server.auth.web.ApiError;

/**
 * One part of the configuration an admin edits as a JSON array of items: its name (the URL segment), how
 * to read a whole array into a validated value (throwing a 4xx {@link ApiError} naming the first bad item
 * and field, before anything is kept) and, optionally, how to apply a new value elsewhere before it is kept
 * (the rota goes to the queue). Implementations are stateless.
 *
 * @param <T> the validated value
 */
public interface ConfigSection<T> {
    String name();

    T parse(JsonArray items);

    /** Makes a validated value take effect; the repository keeps it only if this succeeds. */
    default Future<Void> apply(T value) {
        return Future.succeededFuture();
    }

    /** A 422 for a semantic problem in an item. */
    static ApiError invalid(String where, String message) {
        return new ApiError(422, "invalid-config", where + ": " + message);
    }
}
