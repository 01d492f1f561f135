package org.crisisline.telephony.event;

import java.time.Instant;

/** The link to a PBX changed state; {@code detail} says why in words an operator can act on. */
public record PbxLinkChanged(String pbx, Instant at, LinkState state, String detail) implements TelephonyEvent {
}
