package org.crisisline.server.pathway.outbox;

import java.util.Objects;

/** Identifies one outbox entry; the delivery verticle sends it as an idempotency key, so a resend is harmless. */
public record OutboxId(String value) implements Comparable<OutboxId> {
    public OutboxId {
        Objects.requireNonNull(value, "value");
        if (value.isBlank()) {
            throw new IllegalArgumentException("an outbox id must not be blank");
        }
    }

    public static OutboxId of(String value) {
        return new OutboxId(value);
    }

    @Override
    public int compareTo(OutboxId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
