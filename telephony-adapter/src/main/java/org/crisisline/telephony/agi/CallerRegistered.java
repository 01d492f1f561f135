package org.crisisline.telephony.agi;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.crisisline.telephony.bus.LocalMessage;

/**
 * The queue's reply to {@link CallerArrived}: the caller is in Crisisline's queue.
 *
 * <p>The queue decides the offer (DOMAIN.md: tier 2 when the estimated wait is over 3 minutes,
 * tier 3 over 2 minutes, never tier 1). The IVR still refuses to offer a callback to tier 1.
 *
 * @param callId        Crisisline's id for the call; the IVR writes it to {@code CRISISLINE_CALL_ID}
 * @param offerCallback whether to offer a callback
 * @param estimatedWait the estimated wait, read out with the offer
 * @param slots         the next callback slots to offer, soonest first; may be empty (then only
 *                      "keep your place" is offered)
 */
public record CallerRegistered(String callId, boolean offerCallback, Duration estimatedWait, List<CallbackSlot> slots)
        implements LocalMessage {
    public CallerRegistered {
        Objects.requireNonNull(callId, "callId");
        Objects.requireNonNull(estimatedWait, "estimatedWait");
        slots = List.copyOf(slots);
    }

    /** Registered with no offer. */
    public static CallerRegistered noOffer(String callId, Duration estimatedWait) {
        return new CallerRegistered(callId, false, estimatedWait, List.of());
    }
}
