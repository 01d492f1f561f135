package org.crisisline.telephony.event;

import java.time.Instant;

/** A channel entered a bridge (BridgeEnter); two channels in the same {@code bridgeId} can talk. */
public record CallBridged(String pbx, Instant at, String callKey, String channel, String uniqueid, String bridgeId)
        implements TelephonyEvent {
}
