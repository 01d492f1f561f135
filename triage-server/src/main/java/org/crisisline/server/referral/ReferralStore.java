package org.crisisline.server.referral;

import io.vertx.core.Future;
import java.util.Collection;
import java.util.Optional;
import java.util.function.Function;
import org.crisisline.server.pathway.Result;
import org.crisisline.server.pathway.referral.Referral;
import org.crisisline.server.pathway.referral.ReferralBook;
import org.crisisline.server.pathway.referral.ReferralId;

/**
 * The port that keeps referrals and their outbox ({@link ReferralBook}) durable. Every change is one atomic
 * step: {@link #change} applies a pure step to the current book and saves the result whole, or nothing.
 * Settled referrals leave the book for an archive kept one referral at a time ({@link #archive}), so the book
 * stays small; an archived referral can still be looked up ({@link #archived}).
 * Implementations: {@link InMemoryReferralStore} (the embedded default). Every implementation passes the
 * contract test suite ({@code ReferralStoreContract}).
 *
 * <p>Threading: callable from any thread or event loop; never blocks the caller. A step may run more than
 * once (an optimistic store retries it after a concurrent change), so it must be pure.
 */
public interface ReferralStore {

    /** The book as last saved. */
    Future<ReferralBook> read();

    /**
     * Applies {@code step} to the current book, atomically: an accepted result's book is saved (its events are
     * returned with it), a rejected result saves nothing and is returned as it is; a step that throws saves
     * nothing and fails the future. A failed future means nothing was saved.
     */
    Future<Result<ReferralBook>> change(Function<ReferralBook, Result<ReferralBook>> step);

    /**
     * Keeps settled referrals in the archive, each under its id (writing one again replaces it with the same).
     * Done before they are taken out of the book, so that a failure between the two loses nothing.
     */
    Future<Void> archive(Collection<Referral> settled);

    /** An archived referral, or empty if it was never archived. */
    Future<Optional<Referral>> archived(ReferralId id);
}
