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

    /** The team was chased for an acknowledgement (the n-th time, in {@code referral().chases()}). */
    record ReferralChased(Referral referral, Instant at) implements ReferralEvent {
    }
}
