package org.crisisline.load.sim.metrics;

/** How a person's call ended up, as far as the simulated day could see. */
public enum Resolution {
    /** Operative and person talked (live, or on a callback or check-in) and the call ended. */
    ANSWERED,
    /** A live caller hung up before being connected. */
    ABANDONED,
    /** Every agent-first attempt went unanswered: escalated to a lead, or closed with a record. */
    UNREACHABLE,
    /** A callback the person asked for was closed because they got through on a live call (CallbackSuperseded). */
    SUPERSEDED,
    /** Still open when the simulation gave up: a lost call, which must never happen. */
    UNRESOLVED
}
