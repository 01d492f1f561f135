package org.crisisline.server.referral;

import io.vertx.core.Future;
import java.util.Collection;
import java.util.Optional;
import java.util.function.Function;
import org.crisisline.server.pathway.Result;
import org.crisisline.server.pathway.referral.Referral;
import org.crisisline.server.pathway.referral.ReferralBook;
import org.crisisline.server.pathway.referral.ReferralId;

/** A real store that a test can take down, as a Redis outage would: while down, every call fails and nothing is saved. */
public final class SwitchableReferralStore implements ReferralStore {
    private final ReferralStore real;
    private volatile boolean down;

    public SwitchableReferralStore(ReferralStore real) {
        this.real = real;
    }

    public void down(boolean isDown) {
        this.down = isDown;
    }

    @Override
    public Future<ReferralBook> read() {
        return down ? unavailable() : real.read();
    }

    @Override
    public Future<Result<ReferralBook>> change(Function<ReferralBook, Result<ReferralBook>> step) {
        return down ? unavailable() : real.change(step);
    }

    @Override
    public Future<Void> archive(Collection<Referral> settled) {
        return down ? unavailable() : real.archive(settled);
    }

    @Override
    public Future<Optional<Referral>> archived(ReferralId id) {
        return down ? unavailable() : real.archived(id);
    }

    private static <T> Future<T> unavailable() {
        return Future.failedFuture(new IllegalStateException("the referral store is unavailable"));
    }
}
