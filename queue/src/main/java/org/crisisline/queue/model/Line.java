package org.crisisline.queue.model;

/** The number (DID) a call arrived on says which line it is. */
public enum Line {
    CRISIS,
    PROFESSIONALS,
    SUPPORT,
    /** Outbound: check-ins and callbacks booked into a slot. */
    OUTBOUND
}
