package org.crisisline.telephony.event;

import java.time.Instant;

/**
 * A Dial ended without an answer: {@code dialStatus} is Asterisk's DialStatus ({@code BUSY},
 * {@code NOANSWER}, {@code CONGESTION}, {@code CHANUNAVAIL}, ...). A called-back number that is busy,
 * or an operative who did not pick up in {@code crisisline-connect}, shows up here. An Originate's own
 * dial is not reported here but as {@link OriginateFailed}.
 */
public record DialFailed(String pbx, Instant at, String callKey, String channel, String uniqueid,
                         String destChannel, String dialStatus) implements TelephonyEvent {
}
