package org.crisisline.telephony;

import java.util.Objects;

/**
 * The one unchecked failure of the telephony adapter: a command could not be carried out by the PBX.
 * The {@link Code} says why, so a caller (and an HTTP failure handler) can act on it without parsing
 * the message. Expected outcomes of a call (an originate that was busy) are values, not exceptions.
 */
public final class TelephonyException extends RuntimeException {
    /** Why a command failed. */
    public enum Code {
        /** No reply from the PBX within the command's timeout. */
        TIMEOUT,
        /** The PBX answered {@code Response: Error}; the message is Asterisk's own. */
        REJECTED,
        /** There is no logged-in connection to the PBX, or it broke while the command was in flight. */
        LINK_DOWN
    }

    private final Code code;

    public TelephonyException(Code code, String message) {
        super(message);
        this.code = Objects.requireNonNull(code, "code");
    }

    public TelephonyException(Code code, String message, Throwable cause) {
        super(message, cause);
        this.code = Objects.requireNonNull(code, "code");
    }

    public Code code() {
        return code;
    }

    @Override
    public String toString() {
        return "TelephonyException[" + code + "]: " + getMessage();
    }
}
