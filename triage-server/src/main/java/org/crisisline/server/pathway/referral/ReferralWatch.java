package org.crisisline.server.pathway.referral;

import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.crisisline.server.pathway.outbox.Outbox;
import org.crisisline.server.pathway.outbox.OutboxEntry;

/**
 * The clinical leads' view of referrals at a moment (DOMAIN.md, "What clinical leads watch: referrals
 * awaiting acknowledgement"): which are still undelivered after so many failures that the outbox flagged
 * them, which are awaiting acknowledgement, which are due for chasing (delivered, unacknowledged, and
 * {@code chase-after} past the delivery or the last chase), and which are overdue (undecided past the
 * respond-by deadline). A pure query; each list is most urgent deadline first.
 */
public final class ReferralWatch {
    private static final Comparator<Referral> BY_DEADLINE =
            Comparator.comparing(Referral::respondBy).thenComparing(Referral::id);

    private final ReferralConfig config;

    public ReferralWatch(ReferralConfig config) {
        this.config = Objects.requireNonNull(config, "config");
    }

    /** What the leads see at {@code now}. */
    public record Report(List<Referral> deliveryFlagged, List<Referral> awaitingAcknowledgement,
                         List<Referral> dueForChasing, List<Referral> overdue) {
        public Report {
            deliveryFlagged = List.copyOf(deliveryFlagged);
            awaitingAcknowledgement = List.copyOf(awaitingAcknowledgement);
            dueForChasing = List.copyOf(dueForChasing);
            overdue = List.copyOf(overdue);
        }
    }

    public Report at(Instant now, Collection<Referral> referrals, Outbox outbox) {
        return new Report(
                referrals.stream().filter(r -> isDeliveryFlagged(r, outbox)).sorted(BY_DEADLINE).toList(),
                referrals.stream().filter(Referral::isAwaitingAcknowledgement).sorted(BY_DEADLINE).toList(),
                referrals.stream().filter(r -> isDueForChasing(r, now)).sorted(BY_DEADLINE).toList(),
                referrals.stream().filter(r -> r.isOverdueAt(now)).sorted(BY_DEADLINE).toList());
    }

    /** Queued, and its outbox entry has failed often enough to be flagged (it is still being retried). */
    public boolean isDeliveryFlagged(Referral referral, Outbox outbox) {
        return referral.status() == ReferralStatus.QUEUED
                && outbox.entry(ReferralDelivery.entryId(referral.id())).filter(OutboxEntry::flaggedToLeads).isPresent();
    }

    /** Rejected by their team and waiting for a clinical lead's fallback plan and owner, oldest rejection first. */
    public List<Referral> awaitingFallback(Collection<Referral> referrals) {
        return referrals.stream().filter(Referral::isAwaitingFallback)
                .sorted(Comparator.comparing((Referral r) -> r.reachedAt(ReferralStatus.REJECTED).orElseThrow())
                        .thenComparing(Referral::id))
                .toList();
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
