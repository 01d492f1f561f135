package org.crisisline.telephony.event;

import java.time.Instant;

/** A DTMF digit was received from a channel (DTMFEnd, Direction Received). */
public record DigitPressed(String pbx, Instant at, String callKey, String channel, String uniqueid, String digit)
        implements TelephonyEvent {
}
