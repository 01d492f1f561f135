package org.crisisline.telephony.event;

/** The state of the adapter's connection to one PBX. */
public enum LinkState {
    /** Logged in, resynchronised, answering pings. */
    UP,
    /** Logged in, but something the adapter relies on failed (resync, heartbeat). */
    DEGRADED,
    /** Not logged in: connecting, login rejected, or the connection was lost. */
    DOWN
}
