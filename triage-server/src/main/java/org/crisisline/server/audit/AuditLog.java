package org.crisisline.server.audit;

import io.vertx.core.Future;
import java.util.List;

/**
 * The append-only audit log (issue 5): every decision, override and view of a caller's record, and every
 * sign-in, failed sign-in, lockout and sign-out. Records are hash-chained ({@link HashChain}) so that an
 * edit, a deletion or a reordering is detectable by {@link #verify()}.
 *
 * <p>Safe to call from any thread or event loop: nothing here blocks the caller; slow work (files) runs on
 * a single writer off the event loop, records are appended in the order {@code record} was called, and
 * each future completes once its record is durably appended. A failed future means the entry was not
 * recorded: the caller must not report the audited action as done.
 */
public interface AuditLog {

    /** Appends {@code entry} to the chain. */
    Future<AuditRecord> record(AuditEntry entry);

    /** Every record, oldest first. */
    Future<List<AuditRecord>> records();

    /** Re-reads the whole log and checks its chain. */
    Future<ChainCheck> verify();
}
