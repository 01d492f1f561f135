package org.crisisline.telephony.event;

import java.time.Instant;

/** An operative answered a call (AgentConnect, or DialEnd ANSWER on an operative channel). Reported once. */
public record OperativeAnswered(String pbx, Instant at, String callKey, String callerChannel, String operativeChannel,
                                String operativeUniqueid, String endpoint) implements TelephonyEvent {
}
