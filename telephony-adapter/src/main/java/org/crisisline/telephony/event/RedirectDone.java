package org.crisisline.telephony.event;

import java.time.Instant;

/** Asterisk accepted a Redirect: the channel now runs {@code context,exten,1}. */
public record RedirectDone(String pbx, Instant at, String channel, String context, String exten)
        implements TelephonyEvent {
}
