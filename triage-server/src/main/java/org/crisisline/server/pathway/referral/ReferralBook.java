package org.crisisline.server.pathway.referral;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.crisisline.server.pathway.PathwayEvent;
import org.crisisline.server.pathway.Result;
import org.crisisline.server.pathway.outbox.Outbox;
import org.crisisline.server.pathway.outbox.OutboxEntry;
import org.crisisline.server.pathway.outbox.OutboxId;
import org.crisisline.server.pathway.outbox.RetryPolicy;

/**
 * Every referral and the outbox that delivers them, as one immutable value: a referral store saves each new
 * book in one atomic step, so a referral and its outbox entry never disagree (a referral is never kept
 * without its entry, nor marked delivered while its entry is still being retried). Each operation returns
 * the new book and its events, or a rejection that changes nothing; repeating one changes nothing.
 */
public final class ReferralBook {
    private final Map<ReferralId, Referral> referrals;
    private final Outbox outbox;

    private ReferralBook(Map<ReferralId, Referral> referrals, Outbox outbox) {
        this.referrals = referrals;
        this.outbox = Objects.requireNonNull(outbox, "outbox");
    }

    public static ReferralBook empty(RetryPolicy policy) {
        return new ReferralBook(Map.of(), Outbox.empty(policy));
    }

    /**
     * A book holding {@code referrals} and {@code outbox} as they were saved (a store restoring what it kept):
     * ids must be unique and every referral must have its outbox entry.
     */
    public static ReferralBook of(Collection<Referral> referrals, Outbox outbox) {
        Map<ReferralId, Referral> byId = new LinkedHashMap<>();
        for (Referral referral : referrals) {
            if (byId.putIfAbsent(referral.id(), referral) != null) {
                throw new IllegalArgumentException("referral " + referral.id() + " is there twice");
            }
            if (outbox.entry(ReferralDelivery.entryId(referral.id())).isEmpty()) {
                throw new IllegalArgumentException("referral " + referral.id() + " has no outbox entry");
            }
        }
        return new ReferralBook(byId, outbox);
    }

    public Optional<Referral> referral(ReferralId id) {
        return Optional.ofNullable(referrals.get(id));
    }

    /** Every referral, in the order they were opened. */
    public Collection<Referral> referrals() {
        return referrals.values();
    }

    public Outbox outbox() {
        return outbox;
    }

    /**
     * The settled referrals beyond the newest {@code keep} settled ones, oldest opened first: what may leave the
     * live book for the archive, so that the book (rewritten whole on each change) stays small however many
     * referrals a line makes over the years.
     */
    public List<Referral> settledBeyond(int keep) {
        List<Referral> settled = referrals.values().stream().filter(Referral::isSettled).toList();
        return settled.subList(0, Math.max(0, settled.size() - keep));
    }

    /**
     * Takes referrals that were archived out of the book, with their delivered outbox entries
     * ({@code ReferralArchived} each). One that is unknown here, or not settled, stays: archiving never loses
     * a referral something can still happen to.
     */
    public Result<ReferralBook> withoutArchived(Collection<ReferralId> archived, Instant now) {
        Map<ReferralId, Referral> next = new LinkedHashMap<>(referrals);
        Outbox nextOutbox = outbox;
        List<PathwayEvent> events = new ArrayList<>();
        for (ReferralId id : archived) {
            Referral referral = referrals.get(id);
            OutboxId entry = ReferralDelivery.entryId(id);
            if (referral == null || !referral.isSettled() || outbox.entry(entry).filter(OutboxEntry::isPending)
                    .isPresent()) {
                continue;
            }
            next.remove(id);
            nextOutbox = nextOutbox.withoutDelivered(entry);
            events.add(new ReferralEvent.ReferralArchived(referral, now));
        }
        return events.isEmpty() ? Result.accepted(this) : Result.accepted(new ReferralBook(next, nextOutbox), events);
    }

    /** The referrals whose outbox entries are due for a delivery attempt at {@code now}, longest waiting first. */
    public List<Referral> dueForDelivery(Instant now) {
        return outbox.due(now).stream()
                .map(entry -> referrals.get(ReferralId.of(entry.id().value())))
                .filter(Objects::nonNull)
                .toList();
    }

    /**
     * Keeps queued referrals and puts each in the outbox, due at once ({@code ReferralQueued} and
     * {@code EntryEnqueued} for each). A referral already in the book is left as it is (the same outcome
     * recorded twice makes nothing twice), but the same id with another urgency or risk summary is refused, as
     * is a referral that is not queued.
     */
    public Result<ReferralBook> open(List<Referral> queued, Instant now) {
        Map<ReferralId, Referral> next = new LinkedHashMap<>(referrals);
        Outbox nextOutbox = outbox;
        List<PathwayEvent> events = new ArrayList<>();
        for (Referral referral : queued) {
            if (referral.status() != ReferralStatus.QUEUED) {
                return Result.rejected("referral " + referral.id() + " is " + referral.status() + ", not queued");
            }
            Referral existing = next.get(referral.id());
            if (existing != null) {
                if (!sameReferral(existing.request(), referral.request())) {
                    return Result.rejected("referral " + referral.id() + " was already made with another urgency or "
                            + "risk summary; it is being delivered as it was made");
                }
                continue;
            }
            Result<Outbox> enqueued = nextOutbox.enqueue(ReferralDelivery.entryId(referral.id()),
                    ReferralDelivery.payloadRef(referral.id()), now);
            if (enqueued instanceof Result.Rejected<Outbox> refused) {
                return Result.rejected(refused.reason());
            }
            next.put(referral.id(), referral);
            nextOutbox = enqueued.orElseThrow();
            events.add(new ReferralEvent.ReferralQueued(referral, now));
            events.addAll(enqueued.events());
        }
        return Result.accepted(events.isEmpty() ? this : new ReferralBook(next, nextOutbox), events);
    }

    /** The same referral asked again: same call, team, referrer, urgency and risk (consent is re-asked, so its time differs). */
    private static boolean sameReferral(ReferralRequest made, ReferralRequest again) {
        return made.callId().equals(again.callId()) && made.team().equals(again.team())
                && made.urgency() == again.urgency() && made.risk().equals(again.risk());
    }

    /**
     * Applies a lifecycle step to one referral. When the step shows the team has the referral (delivered or
     * beyond: an acknowledgement proves delivery), its outbox entry is settled as well, so it is not sent again.
     */
    public Result<ReferralBook> update(ReferralId id, Function<Referral, Result<Referral>> step, Instant now) {
        Referral current = referrals.get(id);
        if (current == null) {
            return Result.rejected("there is no referral " + id);
        }
        Result<Referral> stepped = step.apply(current);
        if (stepped instanceof Result.Rejected<Referral> refused) {
            return Result.rejected(refused.reason());
        }
        Referral changed = stepped.orElseThrow();
        List<PathwayEvent> events = new ArrayList<>(stepped.events());
        Outbox nextOutbox = outbox;
        boolean entryPending = outbox.entry(ReferralDelivery.entryId(id)).filter(OutboxEntry::isPending).isPresent();
        if (changed.status().isAtLeast(ReferralStatus.DELIVERED) && entryPending) {
            Result<Outbox> settled = outbox.recordSuccess(ReferralDelivery.entryId(id), now);
            nextOutbox = settled.orElseThrow();
            events.addAll(settled.events());
        }
        if (events.isEmpty()) {
            return Result.accepted(this);
        }
        Map<ReferralId, Referral> next = new LinkedHashMap<>(referrals);
        next.put(id, changed);
        return Result.accepted(new ReferralBook(next, nextOutbox), events);
    }

    /** Claims the referral's due outbox entry for one delivery attempt until {@code leaseEnds} ({@link Outbox#claim}). */
    public Result<ReferralBook> claimDelivery(ReferralId id, Instant now, Instant leaseEnds) {
        Result<Outbox> claimed = onEntry(id, entry -> outbox.claim(entry, now, leaseEnds));
        if (claimed instanceof Result.Rejected<Outbox> refused) {
            return Result.rejected(refused.reason());
        }
        return Result.accepted(new ReferralBook(referrals, claimed.orElseThrow()));
    }

    /** A delivery attempt failed: the outbox schedules the next one with backoff, and flags it after enough failures. */
    public Result<ReferralBook> deliveryFailed(ReferralId id, String reason, Instant now) {
        Result<Outbox> failed = onEntry(id, entry -> outbox.recordFailure(entry, reason, now));
        if (failed instanceof Result.Rejected<Outbox> refused) {
            return Result.rejected(refused.reason());
        }
        return failed.events().isEmpty() ? Result.accepted(this)
                : Result.accepted(new ReferralBook(referrals, failed.orElseThrow()), failed.events());
    }

    /** An outbox step on a known referral's entry; refused for a referral this book does not hold. */
    private Result<Outbox> onEntry(ReferralId id, Function<OutboxId, Result<Outbox>> step) {
        return referrals.containsKey(id) ? step.apply(ReferralDelivery.entryId(id))
                : Result.rejected("there is no referral " + id);
    }
}
