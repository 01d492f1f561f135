package org.crisisline.server.testing;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * Simulated PBX settings for tests that place their own callers: the crisis line only, no random
 * arrivals, patient callers with their number shown, operatives rung for 1 s, called-back people
 * who answer after 1 s.
 */
public final class QuietPbx {
    private QuietPbx() {
    }

    /** @param operativeNoAnswer how often an operative lets the phone ring out (0 to 1) */
    public static JsonObject settings(String talkTime, double operativeNoAnswer) {
        return new JsonObject()
                .put("lines", new JsonArray().add(new JsonObject().put("name", "crisis")
                        .put("did", "08001234567").put("calls-per-hour", 0)))
                .put("caller-patience", "10h")
                .put("talk-time", talkTime)
                .put("operative-ring", "1s")
                .put("operative-no-answer-probability", operativeNoAnswer)
                .put("withheld-number-probability", 0.0)
                .put("callee-ring", "1s")
                .put("callee-answer-probability", 1.0)
                .put("callee-busy-probability", 0.0);
    }
}
