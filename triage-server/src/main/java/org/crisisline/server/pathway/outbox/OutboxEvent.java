package org.crisisline.server.pathway.outbox;

import java.time.Instant;
import org.crisisline.server.pathway.PathwayEvent;

/** What happened in the outbox. */
public sealed interface OutboxEvent extends PathwayEvent {
    OutboxId id();

    record EntryEnqueued(OutboxId id, String payloadRef, Instant at) implements OutboxEvent {
    }

    record DeliveryFailed(OutboxId id, int failedAttempts, Instant nextAttemptAt, String reason, Instant at)
            implements OutboxEvent {
    }

    /** Raised once, when the failures reach the policy's threshold: leads must look; retries go on. */
    record EntryFlaggedToLeads(OutboxId id, String payloadRef, int failedAttempts, String lastFailure, Instant at)
            implements OutboxEvent {
    }

    record EntryDelivered(OutboxId id, String payloadRef, int failedAttempts, Instant at) implements OutboxEvent {
    }
}
