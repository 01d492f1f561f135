package org.crisisline.server.pathway.referral;

import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * The clinical leads' view of referrals at a moment (DOMAIN.md, "What clinical leads watch: referrals
 * awaiting acknowledgement"): which are awaiting acknowledgement, which are due for chasing (delivered,
 * unacknowledged, and {@code chase-after} past the delivery or the last chase), and which are overdue
 * (undecided past the respond-by deadline). A pure query; each list is most urgent deadline first.
 */
public final class ReferralWatch {
    private static final Comparator<Referral> BY_DEADLINE =
            Comparator.comparing(Referral::respondBy).thenComparing(Referral::id);

    private final ReferralConfig config;

    public ReferralWatch(ReferralConfig config) {
        this.config = Objects.requireNonNull(config, "config");
    }

    /** What the leads see at {@code now}. */
    public record Report(List<Referral> awaitingAcknowledgement, List<Referral> dueForChasing, List<Referral> overdue) {
        public Report {
            awaitingAcknowledgement = List.copyOf(awaitingAcknowledgement);
            dueForChasing = List.copyOf(dueForChasing);
            overdue = List.copyOf(overdue);
        }
    }

    public Report at(Instant now, Collection<Referral> referrals) {
        return new Report(
                referrals.stream().filter(Referral::isAwaitingAcknowledgement).sorted(BY_DEADLINE).toList(),
                referrals.stream().filter(r -> isDueForChasing(r, now)).sorted(BY_DEADLINE).toList(),
                referrals.stream().filter(r -> r.isOverdueAt(now)).sorted(BY_DEADLINE).toList());
    }

    public boolean isDueForChasing(Referral referral, Instant now) {
        if (!referral.isAwaitingAcknowledgement()) {
            return false;
        }
        Instant since = referral.lastChasedAt()
                .or(() -> referral.reachedAt(ReferralStatus.DELIVERED))
                .orElseThrow();
        return !now.isBefore(since.plus(config.chaseAfter(referral.urgency())));
    }
}
