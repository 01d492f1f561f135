package org.crisisline.telephony.event;

import java.time.Instant;
import java.util.Optional;

/**
 * An inbound call reached a helpline: a channel was created ringing in one of the configured
 * dialplan contexts. {@code line} is Crisisline's name for that context, {@code dialledNumber} the
 * helpline number (Exten); the caller's number is often not known yet (see {@link CallerIdentified}).
 */
public record CallArrived(String pbx, Instant at, String callKey, String channel, String uniqueid, String line,
                          String dialledNumber, Optional<PhoneNumber> callerNumber) implements TelephonyEvent {
    public CallArrived withCallerNumber(PhoneNumber number) {
        return new CallArrived(pbx, at, callKey, channel, uniqueid, line, dialledNumber, Optional.of(number));
    }
}
