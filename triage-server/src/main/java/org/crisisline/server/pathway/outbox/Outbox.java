package org.crisisline.server.pathway.outbox;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.crisisline.server.pathway.PathwayEvent;
import org.crisisline.server.pathway.Result;

/**
 * The durable outbox, as a pure value: messages to deliver at least once (DOMAIN.md: a referral "is
 * delivered reliably to the team"). Entries are never removed, so nothing is dropped: a failed
 * delivery is retried with capped exponential backoff and, after enough failures, flagged to leads.
 * Every operation returns a new outbox and its events; repeating one changes nothing. Time is passed
 * in. Immutable; the one verticle that owns it persists each new value before acting on it.
 */
public final class Outbox {
    private final RetryPolicy policy;
    private final Map<OutboxId, OutboxEntry> entries;

    private Outbox(RetryPolicy policy, Map<OutboxId, OutboxEntry> entries) {
        this.policy = Objects.requireNonNull(policy, "policy");
        this.entries = entries;
    }

    public static Outbox empty(RetryPolicy policy) {
        return new Outbox(policy, Map.of());
    }

    /** An outbox holding {@code entries} as they were saved (a store restoring what it kept); ids must be unique. */
    public static Outbox of(RetryPolicy policy, Collection<OutboxEntry> entries) {
        Map<OutboxId, OutboxEntry> byId = new LinkedHashMap<>();
        for (OutboxEntry entry : entries) {
            if (byId.putIfAbsent(entry.id(), entry) != null) {
                throw new IllegalArgumentException("outbox entry " + entry.id() + " is there twice");
            }
        }
        return new Outbox(policy, byId);
    }

    /** This outbox without a delivered entry (its referral was archived); a pending or unknown one is kept. */
    public Outbox withoutDelivered(OutboxId id) {
        OutboxEntry entry = entries.get(id);
        if (entry == null || entry.isPending()) {
            return this;
        }
        Map<OutboxId, OutboxEntry> next = new LinkedHashMap<>(entries);
        next.remove(id);
        return new Outbox(policy, next);
    }

    /** Every entry, pending or delivered, in the order they were enqueued. */
    public Collection<OutboxEntry> entries() {
        return List.copyOf(entries.values());
    }

    /** Add a message, due at once. The same id with the same payload again changes nothing; with another payload it is refused. */
    public Result<Outbox> enqueue(OutboxId id, String payloadRef, Instant now) {
        OutboxEntry existing = entries.get(id);
        if (existing != null) {
            return existing.payloadRef().equals(payloadRef)
                    ? Result.accepted(this)
                    : Result.rejected("outbox entry " + id + " already holds " + existing.payloadRef());
        }
        return Result.accepted(with(OutboxEntry.pending(id, payloadRef, now)),
                List.of(new OutboxEvent.EntryEnqueued(id, payloadRef, now)));
    }

    /** Pending entries whose next attempt is due at {@code now}, the longest-waiting first. */
    public List<OutboxEntry> due(Instant now) {
        return entries.values().stream()
                .filter(entry -> entry.isDue(now))
                .sorted(Comparator.comparing(OutboxEntry::nextAttemptAt).thenComparing(OutboxEntry::enqueuedAt))
                .toList();
    }

    /** Pending entries that leads have been told about. */
    public List<OutboxEntry> flagged() {
        return entries.values().stream().filter(e -> e.isPending() && e.flaggedToLeads()).toList();
    }

    public Optional<OutboxEntry> entry(OutboxId id) {
        return Optional.ofNullable(entries.get(id));
    }

    public int size() {
        return entries.size();
    }

    /**
     * Claims a due entry for one delivery attempt until {@code leaseEnds}: it is not due again before then, so
     * another node reading the same outbox does not send it at the same time; the attempt's success or failure
     * settles it, and if the claimer dies the entry is due again when the lease ends. Refused if the entry is
     * not due (delivered, or claimed by someone else).
     */
    public Result<Outbox> claim(OutboxId id, Instant now, Instant leaseEnds) {
        OutboxEntry entry = entries.get(id);
        if (entry == null) {
            return Result.rejected("no outbox entry " + id);
        }
        if (!entry.isDue(now)) {
            return Result.rejected("outbox entry " + id + " is not due: delivered, or being delivered");
        }
        return Result.accepted(with(entry.claimedUntil(leaseEnds)));
    }

    /** The partner answered 2xx. Recording it twice changes nothing. */
    public Result<Outbox> recordSuccess(OutboxId id, Instant now) {
        OutboxEntry entry = entries.get(id);
        if (entry == null) {
            return Result.rejected("no outbox entry " + id);
        }
        if (!entry.isPending()) {
            return Result.accepted(this);
        }
        return Result.accepted(with(entry.delivered(now)),
                List.of(new OutboxEvent.EntryDelivered(id, entry.payloadRef(), entry.failedAttempts(), now)));
    }

    /**
     * An attempt failed: count it and schedule the next with backoff. A failure reported after the entry
     * was delivered (a late answer to an earlier attempt) changes nothing.
     */
    public Result<Outbox> recordFailure(OutboxId id, String reason, Instant now) {
        OutboxEntry entry = entries.get(id);
        if (entry == null) {
            return Result.rejected("no outbox entry " + id);
        }
        if (!entry.isPending()) {
            return Result.accepted(this);
        }
        OutboxEntry failed = entry.failed(reason, now, policy);
        List<PathwayEvent> events = new ArrayList<>();
        events.add(new OutboxEvent.DeliveryFailed(id, failed.failedAttempts(), failed.nextAttemptAt(), reason, now));
        if (failed.flaggedToLeads() && !entry.flaggedToLeads()) {
            events.add(new OutboxEvent.EntryFlaggedToLeads(id, entry.payloadRef(), failed.failedAttempts(), reason, now));
        }
        return Result.accepted(with(failed), events);
    }

    private Outbox with(OutboxEntry entry) {
        Map<OutboxId, OutboxEntry> next = new LinkedHashMap<>(entries);
        next.put(entry.id(), entry);
        return new Outbox(policy, next);
    }
}
