package org.crisisline.server.pathway.cafe;

/** What a café offers for access; a caller's needs must all be met for the café to be offered. */
public enum AccessFeature {
    STEP_FREE,
    BSL,
    QUIET_ROOM,
    ACCESSIBLE_TOILET,
    HEARING_LOOP
}
