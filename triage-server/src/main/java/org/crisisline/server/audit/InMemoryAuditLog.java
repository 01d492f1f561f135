package org.crisisline.server.audit;

import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.List;

/**
 * An {@link AuditLog} in memory, as encoded JSON lines (so {@link #verify()} checks exactly what a file
 * would hold). For tests and demos: lost on restart. Thread-safe ({@code synchronized}); completes at once.
 */
public final class InMemoryAuditLog implements AuditLog {
    private final HashChain chain = HashChain.empty();
    private final List<String> lines = new ArrayList<>();

    @Override
    public synchronized Future<AuditRecord> record(AuditEntry entry) {
        AuditRecord record = chain.next(entry);
        lines.add(HashChain.toLine(record));
        chain.advance(record);
        return Future.succeededFuture(record);
    }

    @Override
    public synchronized Future<List<AuditRecord>> records() {
        return Future.succeededFuture(lines.stream().map(HashChain::parse).toList());
    }

    @Override
    public synchronized Future<ChainCheck> verify() {
        return Future.succeededFuture(HashChain.verify(List.copyOf(lines)));
    }

    /** The encoded lines, as a file would hold them. */
    public synchronized List<String> lines() {
        return List.copyOf(lines);
    }
}
