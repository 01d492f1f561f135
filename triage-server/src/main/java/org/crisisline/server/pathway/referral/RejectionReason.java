package org.crisisline.server.pathway.referral;

/** The fixed reason codes a team rejects with; leads see outcomes by reason over time (DOMAIN.md, "What clinical leads watch"). */
public enum RejectionReason {
    OUT_OF_AREA,
    NEEDS_DIFFERENT_SERVICE,
    ALREADY_OPEN,
    INSUFFICIENT_INFORMATION,
    OTHER
}
