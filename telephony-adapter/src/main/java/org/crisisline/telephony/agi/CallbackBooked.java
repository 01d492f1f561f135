package org.crisisline.telephony.agi;

import java.util.Objects;
import org.crisisline.telephony.bus.LocalMessage;

/** The queue's reply to {@link BookCallback}: the callback is booked under {@code callbackId}. */
public record CallbackBooked(String callbackId) implements LocalMessage {
    public CallbackBooked {
        Objects.requireNonNull(callbackId, "callbackId");
    }
}
