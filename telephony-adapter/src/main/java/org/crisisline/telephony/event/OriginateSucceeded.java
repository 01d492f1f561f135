package org.crisisline.telephony.event;

import java.time.Instant;

/** The originated channel answered (OriginateResponse Success, Reason 4). */
public record OriginateSucceeded(String pbx, Instant at, String requestId, String channel, String uniqueid)
        implements OriginateResult {
}
