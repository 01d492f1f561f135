package org.crisisline.telephony;

/**
 * The names the dialplan contract ({@code telephony-adapter/asterisk/README.md}) fixes: contexts
 * Crisisline redirects or originates into, and the channel and global variables it sets.
 */
public final class Dialplan {
    // Kept beside PbxGateway: the simulated PBX follows the same contract.

    public static final String CONNECT_CONTEXT = "crisisline-connect";
    public static final String ANNOUNCE_CONTEXT = "crisisline-announce";
    public static final String TRANSFER_CONTEXT = "crisisline-transfer";
    public static final String EMERGENCY_CONTEXT = "crisisline-emergency";
    public static final String CALLBACK_CONTEXT = "crisisline-callback";
    public static final String HEARTBEAT = "CRISISLINE_HEARTBEAT";
    public static final String POSITION = "CRISISLINE_POSITION";
    public static final String WAIT_MINUTES = "CRISISLINE_WAIT_MINUTES";
    public static final String TRANSFER_TO = "CRISISLINE_TRANSFER_TO";
    public static final String CALL_ID = "CRISISLINE_CALL_ID";
    public static final String CALLBACK_ID = "CRISISLINE_CALLBACK_ID";
    public static final String HELPLINE_NUMBER = "CRISISLINE_HELPLINE_NUMBER";
    /** Handover context, set on the caller's channel before an escalation or a warm transfer. */
    public static final String TIER = "CRISISLINE_TIER";
    public static final String CALLER = "CRISISLINE_CALLER";
    public static final String TRANSFER_REASON = "CRISISLINE_TRANSFER_REASON";
    public static final String TRANSFER_CONTEXT_LINE = "CRISISLINE_TRANSFER_CONTEXT";
    public static final String EMERGENCY_SERVICE = "CRISISLINE_EMERGENCY_SERVICE";
    /** Q.850 normal clearing: the cause Crisisline hangs up with. */
    public static final int NORMAL_CLEARING = 16;

    private Dialplan() {
    }
}
