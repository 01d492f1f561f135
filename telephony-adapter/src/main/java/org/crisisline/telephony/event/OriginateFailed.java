package org.crisisline.telephony.event;

import java.time.Instant;

/**
 * The originated channel never answered (OriginateResponse Failure). {@code channel} is the dial
 * string as sent; Asterisk reports no Uniqueid for it.
 */
public record OriginateFailed(String pbx, Instant at, String requestId, String channel, Reason reason,
                              int reasonCode) implements OriginateResult {
    /**
     * Asterisk's Reason code: the last control frame seen on the outgoing channel
     * ({@code AST_CONTROL_*} in include/asterisk/frame.h, reported by main/manager.c).
     */
    public enum Reason {
        FAILED(0, "failed: no such extension, or the channel could not be created"),
        HUNG_UP(1, "hung up before answering"),
        NO_ANSWER(3, "rang without an answer"),
        BUSY(5, "busy"),
        CONGESTION(8, "congestion: the network could not place the call"),
        UNKNOWN(-1, "unknown reason");

        private final int code;
        private final String text;

        Reason(int code, String text) {
            this.code = code;
            this.text = text;
        }

        public static Reason of(int code) {
            for (Reason reason : values()) {
                if (reason.code == code) {
                    return reason;
                }
            }
            return UNKNOWN;
        }

        public String text() {
            return text;
        }
    }
}
