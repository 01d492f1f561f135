package org.crisisline.telephony.agi;

import java.util.Objects;

/**
 * What the IVR knows of a call before asking anything: from the FastAGI environment, with the caller's
 * number read from the channel when the dialplan passed none.
 */
record IvrCall(String uniqueId, String channel, String line, String callerNumber, String languageHint) {
    IvrCall {
        Objects.requireNonNull(uniqueId, "uniqueId");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(line, "line");
        Objects.requireNonNull(callerNumber, "callerNumber");
        Objects.requireNonNull(languageHint, "languageHint");
    }
}
