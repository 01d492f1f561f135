package org.crisisline.server.audit;

/** How an audited action ended. */
public enum Outcome {
    /** It was done (a sign-in, a decision saved, a record shown). */
    SUCCEEDED,
    /** It was tried and did not work (a wrong password, a failed validation). */
    FAILED,
    /** A rule refused it (a missing role, a locked sign-in, no consent to share). */
    DENIED
}
