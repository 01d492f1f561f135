package org.crisisline.queue.model;

import java.util.Objects;

/**
 * A pseudonymised caller: a keyed hash of the phone number, made outside the core. The queue never
 * sees a raw number, so nothing it logs or publishes can leak one.
 */
public record CallerRef(String pseudonym) {
    public CallerRef {
        Objects.requireNonNull(pseudonym, "pseudonym");
        if (pseudonym.isBlank()) {
            throw new IllegalArgumentException("a caller pseudonym must not be blank");
        }
    }

    @Override
    public String toString() {
        return pseudonym;
    }
}
