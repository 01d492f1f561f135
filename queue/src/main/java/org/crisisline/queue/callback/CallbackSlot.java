package org.crisisline.queue.callback;

import java.time.Instant;

/** A time window a caller can pick for a callback, with its capacity and bookings so far. */
public record CallbackSlot(Instant start, Instant end, int capacity, int booked) {
    public int spare() {
        return Math.max(0, capacity - booked);
    }
}
