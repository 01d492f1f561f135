package org.crisisline.queue.model;

/** What an operative is doing; only {@link #AVAILABLE} receives calls (and {@link #RECOVERY} in one exception). */
public enum OperativeState {
    OFFLINE,
    AVAILABLE,
    /** Chosen for a call that is ringing them, or held for an agent-first callback. */
    RESERVED,
    ON_CALL,
    /** Recovery time after a call; interruptible only for a tier-1 caller about to miss the target. */
    RECOVERY,
    BREAK,
    SUPERVISION,
    /** Did not answer a call offered to them; back when they say they are ready. */
    NOT_READY
}
