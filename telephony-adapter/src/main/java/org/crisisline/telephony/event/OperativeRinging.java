package org.crisisline.telephony.event;

import java.time.Instant;

/**
 * An operative's endpoint started ringing for a call (AgentCalled, or DialBegin to a channel that
 * matches the operative pattern). {@code endpoint} is the operative's endpoint name when the pattern
 * captures it, else the channel name. Reported once per operative channel.
 */
public record OperativeRinging(String pbx, Instant at, String callKey, String callerChannel, String operativeChannel,
                               String operativeUniqueid, String endpoint) implements TelephonyEvent {
}
