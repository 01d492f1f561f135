package org.crisisline.queue.callback;

import java.time.Instant;
import java.util.Objects;
import org.crisisline.queue.model.CallId;
import org.crisisline.queue.model.CallerRef;
import org.crisisline.queue.model.Language;
import org.crisisline.queue.model.Tier;

/**
 * A callback slot an operative booked for a caller at the end of their call: the callback is a new
 * agent-first call, {@code callback} (the booking's id, chosen by whoever books, so a repeat is
 * recognised), made within the slot starting at {@code slotStart}. The caller's tier, language and
 * flag come from the call the booking was made on.
 */
public record CallbackBooking(CallId callback, CallerRef caller, Tier tier, Language language,
                              boolean flaggedHighRisk, Instant slotStart) {
    public CallbackBooking {
        Objects.requireNonNull(callback, "callback");
        Objects.requireNonNull(caller, "caller");
        Objects.requireNonNull(tier, "tier");
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(slotStart, "slotStart");
    }
}
