package org.crisisline.server.http.operative;

import org.crisisline.queue.model.OperativeState;
import org.crisisline.server.auth.web.ApiError;
import org.crisisline.server.http.JsonInput;

/** Reads a pause's {@code block}: {@code BREAK} or {@code SUPERVISION}, nothing else (400). Stateless. */
public final class Blocks {
    private Blocks() {
    }

    public static OperativeState of(JsonInput body) {
        String raw = body.string("block", 20);
        return switch (raw) {
            case "BREAK" -> OperativeState.BREAK;
            case "SUPERVISION" -> OperativeState.SUPERVISION;
            default -> throw ApiError.badRequest("bad-block", "'block' is BREAK or SUPERVISION.");
        };
    }
}
