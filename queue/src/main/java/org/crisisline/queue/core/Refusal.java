package org.crisisline.queue.core;

import org.crisisline.queue.event.Outcome;

/** Why a desk refused a command; {@code null} from a desk means it was applied. */
record Refusal(Outcome.Rejection reason, String detail) {
    static Refusal of(Outcome.Rejection reason, String detail) {
        return new Refusal(reason, detail);
    }
}
