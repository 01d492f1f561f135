package org.crisisline.telephony.event;

import java.time.Instant;
import java.util.Optional;

/**
 * Resync correction: the PBX has a channel on a helpline or an operative endpoint that the adapter
 * did not know (it arrived while the link was down). {@code line} is set when its context is a line.
 */
public record ChannelDiscovered(String pbx, Instant at, String callKey, String channel, String uniqueid,
                                String context, String exten, Optional<String> line) implements TelephonyEvent {
}
