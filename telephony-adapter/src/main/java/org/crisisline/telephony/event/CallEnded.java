package org.crisisline.telephony.event;

import java.time.Instant;

/**
 * A channel hung up (Hangup), reported once per channel. {@code causeCode} is the Q.850 cause
 * (16 = normal clearing, 17 = busy), {@code causeText} Asterisk's text for it.
 */
public record CallEnded(String pbx, Instant at, String callKey, String channel, String uniqueid, Leg leg,
                        int causeCode, String causeText) implements TelephonyEvent {
    /** Which side of a call the channel was, as far as the adapter knows. */
    public enum Leg { CALLER, OPERATIVE, OTHER }

    public CallEnded withLeg(Leg newLeg) {
        return new CallEnded(pbx, at, callKey, channel, uniqueid, newLeg, causeCode, causeText);
    }
}
