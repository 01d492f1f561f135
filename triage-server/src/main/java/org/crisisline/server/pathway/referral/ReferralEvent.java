package org.crisisline.server.pathway.referral;

import java.time.Instant;
import org.crisisline.server.pathway.PathwayEvent;

/** What happened to a referral; each carries the referral as it is after the change. */
public sealed interface ReferralEvent extends PathwayEvent {
    Referral referral();

    record ReferralDrafted(Referral referral, Instant at) implements ReferralEvent {
    }

    record ReferralQueued(Referral referral, Instant at) implements ReferralEvent {
    }

    record ReferralDelivered(Referral referral, Instant at) implements ReferralEvent {
    }

    record ReferralAcknowledged(Referral referral, Instant at) implements ReferralEvent {
    }

    record ReferralAccepted(Referral referral, Instant at) implements ReferralEvent {
    }

    record ReferralRejected(Referral referral, Rejection rejection, Instant at) implements ReferralEvent {
    }

    /** The team rejected the referral; a clinical lead must now record a fallback plan and its owner. */
    record ReferralRejectedByTeam(Referral referral, TeamRejection rejection, Instant at) implements ReferralEvent {
    }

    /** A clinical lead recorded the fallback plan (and its owner) for a referral the team rejected. */
    record FallbackRecorded(Referral referral, Rejection rejection, Instant at) implements ReferralEvent {
    }

    /** The team was chased for an acknowledgement (the n-th time, in {@code referral().chases()}). */
    /** Settled long enough ago to leave the live book; kept in the archive, where it can still be looked up. */
    record ReferralArchived(Referral referral, Instant at) implements ReferralEvent {
    }

    record ReferralChased(Referral referral, Instant at) implements ReferralEvent {
    }
}
