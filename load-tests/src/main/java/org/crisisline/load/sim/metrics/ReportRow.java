package org.crisisline.load.sim.metrics;

import org.crisisline.queue.model.Tier;

/** The rows of the per-tier table: each tier, check-ins, and all live callers together. */
public enum ReportRow {
    TIER_1("tier 1"),
    TIER_2("tier 2"),
    TIER_3("tier 3"),
    CHECK_IN("check-in"),
    ALL_LIVE("tiers 1-3");

    private final String label;

    ReportRow(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public boolean includes(CallerOutcome outcome) {
        return switch (this) {
            case TIER_1 -> outcome.tier() == Tier.IMMEDIATE_RISK;
            case TIER_2 -> outcome.tier() == Tier.CRISIS;
            case TIER_3 -> outcome.tier() == Tier.SUPPORT;
            case CHECK_IN -> outcome.tier() == Tier.CHECK_IN;
            case ALL_LIVE -> outcome.tier() != Tier.CHECK_IN;
        };
    }
}
