package org.crisisline.server.audit;

import java.util.Objects;

/**
 * An {@link AuditEntry} as written: its place in the log (from 1), the hash of the record before it (64
 * zeros for the first) and its own SHA-256 over both, hex encoded. Immutable.
 */
public record AuditRecord(long sequence, AuditEntry entry, String previousHash, String hash) {
    public AuditRecord {
        Objects.requireNonNull(entry, "entry");
        Objects.requireNonNull(previousHash, "previousHash");
        Objects.requireNonNull(hash, "hash");
        if (sequence < 1) {
            throw new IllegalArgumentException("audit sequence numbers start at 1");
        }
    }
}
