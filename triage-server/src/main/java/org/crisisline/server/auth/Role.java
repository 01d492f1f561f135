package org.crisisline.server.auth;

/**
 * What a signed-in person may do (DOMAIN.md, "The people"). An account may hold several roles; a route
 * names the roles it admits and a person holding any of them is let in.
 */
public enum Role {
    /** A first response operative: answers calls, triages, decides the pathway. */
    OPERATIVE,
    /** A clinical lead: watches the queue, takes the highest-risk calls, supervises. */
    CLINICAL_LEAD,
    /** A telephony admin: configures lines, tiers, directories, operatives and the PBX. */
    ADMIN
}
