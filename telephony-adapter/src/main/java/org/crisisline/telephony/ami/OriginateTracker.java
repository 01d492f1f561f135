package org.crisisline.telephony.ami;

import io.vertx.core.Context;
import io.vertx.core.Promise;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.crisisline.telephony.TelephonyException;
import org.crisisline.telephony.event.OriginateResult;

/**
 * Originates waiting for their OriginateResponse event, by the ActionID Crisisline gave them.
 * Thread-safe: requests are added on the caller's thread, results arrive on the link's context, and
 * each promise is completed on the context of the caller who asked.
 */
final class OriginateTracker {
    private record Pending(Context caller, Promise<OriginateResult> promise) {
    }

    private final Map<String, Pending> pending = new ConcurrentHashMap<>();

    void expect(String requestId, Context caller, Promise<OriginateResult> promise) {
        pending.put(requestId, new Pending(caller, promise));
        promise.future().onComplete(done -> pending.remove(requestId));
    }

    /** Completes the request this result answers; a result nobody waits for (another client's) is ignored. */
    void resolve(OriginateResult result) {
        Pending waiting = pending.remove(result.requestId());
        if (waiting != null) {
            waiting.caller().runOnContext(v -> waiting.promise().tryComplete(result));
        }
    }

    /** Fails every waiting request (the link went down: no OriginateResponse will come on it). */
    void failAll(TelephonyException failure) {
        pending.values().forEach(waiting -> waiting.caller().runOnContext(v -> waiting.promise().tryFail(failure)));
        pending.clear();
    }
}
