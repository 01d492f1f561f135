package org.crisisline.server.referral;

import io.vertx.core.Future;
import java.util.Collection;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.crisisline.server.pathway.Result;
import org.crisisline.server.pathway.outbox.RetryPolicy;
import org.crisisline.server.pathway.referral.Referral;
import org.crisisline.server.pathway.referral.ReferralBook;
import org.crisisline.server.pathway.referral.ReferralId;

/**
 * The embedded default {@link ReferralStore}: the book and the archive in memory, lost when the process stops. Each change
 * runs its (short, pure) step under one lock, so changes are atomic and applied in order. Thread-safe.
 */
public final class InMemoryReferralStore implements ReferralStore {
    private final Map<ReferralId, Referral> archive = new ConcurrentHashMap<>();
    private ReferralBook book;

    public InMemoryReferralStore(RetryPolicy policy) {
        this.book = ReferralBook.empty(Objects.requireNonNull(policy, "policy"));
    }

    @Override
    public synchronized Future<ReferralBook> read() {
        return Future.succeededFuture(book);
    }

    @Override
    public Future<Result<ReferralBook>> change(Function<ReferralBook, Result<ReferralBook>> step) {
        Result<ReferralBook> result;
        synchronized (this) {
            try {
                result = Objects.requireNonNull(step.apply(book), "a step returns a result");
            } catch (RuntimeException bug) {
                return Future.failedFuture(bug);
            }
            if (result instanceof Result.Accepted<ReferralBook> accepted) {
                book = accepted.value();
            }
        }
        return Future.succeededFuture(result);
    }

    @Override
    public Future<Void> archive(Collection<Referral> settled) {
        settled.forEach(referral -> archive.put(referral.id(), referral));
        return Future.succeededFuture();
    }

    @Override
    public Future<Optional<Referral>> archived(ReferralId id) {
        return Future.succeededFuture(Optional.ofNullable(archive.get(id)));
    }
}
