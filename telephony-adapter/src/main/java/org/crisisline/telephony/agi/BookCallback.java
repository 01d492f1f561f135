package org.crisisline.telephony.agi;

import java.time.Instant;
import java.util.Objects;
import org.crisisline.telephony.bus.LocalMessage;

/**
 * Sent by the IVR to {@link IvrQueue#BOOK_CALLBACK} when a registered caller has chosen a callback,
 * confirmed the number and consented to Crisisline keeping it. Replied to with {@link CallbackBooked},
 * or a failure ({@link IvrQueue#SLOT_TAKEN}, {@link IvrQueue#UNKNOWN_CALL}).
 *
 * @param callId         the id from {@link CallerRegistered}
 * @param choice         keep the place, or a slot
 * @param callbackNumber the number to call back, raw, as confirmed or typed by the caller
 * @param consentedAt    when the caller pressed "yes, keep my number", from the IVR's clock
 */
public record BookCallback(String callId, CallbackChoice choice, String callbackNumber, Instant consentedAt)
        implements LocalMessage {
    public BookCallback {
        Objects.requireNonNull(callId, "callId");
        Objects.requireNonNull(choice, "choice");
        Objects.requireNonNull(callbackNumber, "callbackNumber");
        Objects.requireNonNull(consentedAt, "consentedAt");
    }

    @Override
    public String toString() {
        return "BookCallback[callId=" + callId + ", choice=" + choice + ", consentedAt=" + consentedAt + "]";
    }
}
