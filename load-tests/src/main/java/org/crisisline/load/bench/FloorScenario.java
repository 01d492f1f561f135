package org.crisisline.load.bench;

/** Which queue a core benchmark runs against, and how its line is topped up ({@link Floor}). */
public enum FloorScenario {
    /**
     * Shipped defaults (staff-load policy). Arrivals come from the 10/50/40 mix, so tier 1 is served as it
     * comes and hardly waits: the 10,000 waiting are tiers 2 and 3, and the tier-1 reserve holds.
     */
    STAFF_LOAD,
    /**
     * Shipped defaults, but the line itself keeps the 10/50/40 mix: about 1,000 tier-1 callers are waiting,
     * because every served or abandoned caller is replaced by one of the same tier.
     */
    STAFF_LOAD_TIER_ONE_BACKLOG,
    /** {@code QueueConfig.defaults().asLongestIdleBaseline()}: one FIFO line, longest idle, no protections. */
    LONGEST_IDLE_BASELINE
}
