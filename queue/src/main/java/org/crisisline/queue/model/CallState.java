package org.crisisline.queue.model;

/** Where a call is in its life. */
public enum CallState {
    /** Waiting in the queue (live, or holding a place for a callback). */
    WAITING,
    /** A callback or check-in waiting for its due time or its next retry, not yet in the queue. */
    SCHEDULED,
    /** An operative has been chosen and is being rung (or reserved for an agent-first call). */
    OFFERED,
    /** Operative and caller are talking. */
    CONNECTED,
    /** Over: completed, abandoned, closed or escalated. Never comes back. */
    ENDED;

    public boolean isOpen() {
        return this != ENDED;
    }
}
