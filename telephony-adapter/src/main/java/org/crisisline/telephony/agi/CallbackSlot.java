package org.crisisline.telephony.agi;

import java.time.Instant;
import java.util.Objects;

/**
 * One callback time window the queue offers (DOMAIN.md, "Slots"), e.g. 15 minutes from {@code start}.
 *
 * @param id    the queue's id for the slot, echoed back when the caller books it
 * @param start when the window opens; the IVR reads out its local time
 * @param end   when the window closes
 */
public record CallbackSlot(String id, Instant start, Instant end) {
    public CallbackSlot {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        if (!end.isAfter(start)) {
            throw new IllegalArgumentException("slot " + id + " ends before it starts");
        }
    }
}
