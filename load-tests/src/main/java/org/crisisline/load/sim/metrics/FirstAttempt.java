package org.crisisline.load.sim.metrics;

/** Whether an agent-first call (callback or check-in) was first tried by the time it was due. */
public enum FirstAttempt {
    /** A live call: there is no attempt to time. */
    NOT_APPLICABLE,
    ON_TIME,
    LATE,
    NEVER_TRIED
}
