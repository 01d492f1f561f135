package org.crisisline.telephony.event;

import java.time.Instant;

/**
 * Resync correction: the adapter believed a channel was live, but the PBX no longer has it (it hung
 * up while the link was down, so no {@link CallEnded} was seen). Treat it as ended.
 */
public record ChannelVanished(String pbx, Instant at, String callKey, String channel, String uniqueid)
        implements TelephonyEvent {
}
