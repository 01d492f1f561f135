package org.crisisline.telephony.agi;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.crisisline.telephony.bus.LocalMessage;

/**
 * Sent by the IVR to {@link IvrQueue#CALLER_LEFT}, without waiting for the answer, when a caller the
 * queue may hold will not reach {@code [crisisline-hold]}: they hung up during the IVR, or the IVR sent
 * them to Asterisk's own queue. The queue must drop the call (never count it as waiting). Sent also
 * after {@link CallerArrived} timed out, so a registration that arrives late is withdrawn. Never sent
 * once a callback is booked: the booking stands when that caller hangs up.
 *
 * @param uniqueId the Asterisk Uniqueid from {@link CallerArrived}
 * @param callId   the queue's call id when the IVR got one, else {@code null}
 * @param reason   why the caller left
 * @param at       when, from the IVR's clock
 */
public record CallerLeft(String uniqueId, String callId, Reason reason, Instant at) implements LocalMessage {
    /** Why the caller left the IVR. */
    public enum Reason {
        /** The caller hung up. */
        HUNG_UP,
        /** The IVR gave up on Crisisline's queue and set {@code TRIAGE_ROUTE=queue}. */
        SENT_TO_FALLBACK_QUEUE
    }

    public CallerLeft {
        Objects.requireNonNull(uniqueId, "uniqueId");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(at, "at");
    }

    public Optional<String> callIdIfKnown() {
        return Optional.ofNullable(callId);
    }
}
