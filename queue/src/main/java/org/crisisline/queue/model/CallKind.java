package org.crisisline.queue.model;

/** How a call reaches an operative. */
public enum CallKind {
    /** The caller is on the line, waiting. */
    LIVE,
    /** The caller hung up and kept their place: when it comes, the operative is called first, then the caller. */
    VIRTUAL_HOLD,
    /** The caller picked a time slot: called back agent-first within that slot. */
    SLOT_CALLBACK,
    /** A scheduled check-in call to someone on a waiting list, agent-first. */
    CHECK_IN;

    /** Calls Crisisline makes: the operative's leg is dialled first, then the caller's. */
    public boolean isAgentFirst() {
        return this != LIVE;
    }
}
