package org.crisisline.telephony.agi;

import java.util.Locale;

/**
 * Where the dialplan sends the call when the IVR returns: the value of the channel variable
 * {@code TRIAGE_ROUTE} (see {@code telephony-adapter/asterisk/README.md}).
 */
public enum TriageRoute {
    /** Crisisline queued the caller: wait in {@code [crisisline-hold]}. */
    HOLD,
    /**
     * Straight to {@code [crisisline-emergency]}. The IVR never sets it itself: DOMAIN.md keeps a caller
     * who pressed "danger now" in Crisisline's own queue as tier 1 (answered first, within 20 s),
     * so that a trained operative takes the call and escalates if needed.
     */
    EMERGENCY,
    /** The caller took a callback (kept place or a slot): thank them and hang up. */
    CALLBACK,
    /** The caller hung up during the IVR. */
    HANGUP,
    /** Crisisline did not answer in time: Asterisk's own {@code Queue()} takes the caller. */
    QUEUE;

    /** The value written to {@code TRIAGE_ROUTE}. */
    public String variableValue() {
        return name().toLowerCase(Locale.ROOT);
    }
}
