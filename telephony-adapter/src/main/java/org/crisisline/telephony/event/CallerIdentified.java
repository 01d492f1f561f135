package org.crisisline.telephony.event;

import java.time.Instant;

/** A caller's number became known after the call arrived (Asterisk's NewCallerid). */
public record CallerIdentified(String pbx, Instant at, String callKey, String channel, String uniqueid,
                               PhoneNumber callerNumber) implements TelephonyEvent {
}
