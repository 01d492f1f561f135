package org.crisisline.telephony.agi;

import java.time.Instant;
import java.util.Objects;
import org.crisisline.telephony.bus.LocalMessage;

/**
 * Sent by the IVR to {@link IvrQueue#CALLER_ARRIVED} once it knows the caller's language and first
 * tier: asks the queue to register the caller. Replied to with {@link CallerRegistered}.
 *
 * @param uniqueId     the Asterisk channel's Uniqueid ({@code agi_uniqueid}): the key for this call
 *                     until the queue gives it a call id, also on {@link CallerLeft}
 * @param channel      the Asterisk channel name ({@code agi_channel}), e.g. {@code Local/...;2}
 * @param line         the helpline, from {@code triage?line=crisis}
 * @param callerNumber the caller's number, raw (keep it only where a callback needs it; pseudonymise
 *                     it anywhere else); empty when withheld or unknown
 * @param language     the language code the caller chose, e.g. {@code en}
 * @param tier         the first tier from the line and the safety question
 * @param dangerNow    whether the caller pressed "I am in immediate danger"
 * @param arrivedAt    when the IVR started, from the IVR's clock
 */
public record CallerArrived(String uniqueId, String channel, String line, String callerNumber, String language,
        IvrTier tier, boolean dangerNow, Instant arrivedAt) implements LocalMessage {
    public CallerArrived {
        Objects.requireNonNull(uniqueId, "uniqueId");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(line, "line");
        Objects.requireNonNull(callerNumber, "callerNumber");
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(tier, "tier");
        Objects.requireNonNull(arrivedAt, "arrivedAt");
    }

    @Override
    public String toString() {
        // Never log a caller's raw number (STYLE.md).
        return "CallerArrived[uniqueId=" + uniqueId + ", channel=" + channel + ", line=" + line
                + ", language=" + language + ", tier=" + tier + ", dangerNow=" + dangerNow
                + ", arrivedAt=" + arrivedAt + "]";
    }
}
