package org.crisisline.telephony.event;

/**
 * How an Originate ended (the OriginateResponse event): {@link OriginateSucceeded} once the first
 * leg answered, {@link OriginateFailed} otherwise. {@code requestId} is the ActionID of the request.
 */
public sealed interface OriginateResult extends TelephonyEvent permits OriginateSucceeded, OriginateFailed {
    String requestId();
}
