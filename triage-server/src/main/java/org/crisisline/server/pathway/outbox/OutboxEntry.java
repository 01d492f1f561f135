package org.crisisline.server.pathway.outbox;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One message waiting to be delivered (or delivered): what to send ({@code payloadRef}, e.g. a referral
 * id the verticle renders; never the payload itself), how many attempts have failed, when the next is
 * due, the last failure, and whether leads have been told. Immutable.
 */
public record OutboxEntry(OutboxId id, String payloadRef, State state, Instant enqueuedAt, int failedAttempts,
                          Instant nextAttemptAt, Optional<String> lastFailure, boolean flaggedToLeads,
                          Optional<Instant> deliveredAt) {

    /** PENDING until a delivery succeeds; there is no "given up" state. */
    public enum State { PENDING, DELIVERED }

    public OutboxEntry {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(payloadRef, "payloadRef");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(enqueuedAt, "enqueuedAt");
        Objects.requireNonNull(nextAttemptAt, "nextAttemptAt");
        Objects.requireNonNull(lastFailure, "lastFailure");
        Objects.requireNonNull(deliveredAt, "deliveredAt");
        if (failedAttempts < 0) {
            throw new IllegalArgumentException("failed attempts cannot be negative");
        }
    }

    static OutboxEntry pending(OutboxId id, String payloadRef, Instant now) {
        return new OutboxEntry(id, payloadRef, State.PENDING, now, 0, now, Optional.empty(), false, Optional.empty());
    }

    public boolean isPending() {
        return state == State.PENDING;
    }

    /** Due for an attempt at {@code now}. */
    public boolean isDue(Instant now) {
        return isPending() && !nextAttemptAt.isAfter(now);
    }

    OutboxEntry failed(String reason, Instant now, RetryPolicy policy) {
        int failures = failedAttempts + 1;
        return new OutboxEntry(id, payloadRef, state, enqueuedAt, failures, now.plus(policy.backoffAfter(failures)),
                Optional.of(reason), flaggedToLeads || failures >= policy.flagAfterFailures(), deliveredAt);
    }

    OutboxEntry claimedUntil(Instant leaseEnds) {
        return new OutboxEntry(id, payloadRef, state, enqueuedAt, failedAttempts, leaseEnds, lastFailure,
                flaggedToLeads, deliveredAt);
    }

    OutboxEntry delivered(Instant now) {
        return new OutboxEntry(id, payloadRef, State.DELIVERED, enqueuedAt, failedAttempts, nextAttemptAt,
                lastFailure, flaggedToLeads, Optional.of(now));
    }
}
