package org.crisisline.server.referral;

import io.vertx.core.Future;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import org.crisisline.server.pathway.PathwayEvent;
import org.crisisline.server.pathway.Result;
import org.crisisline.server.pathway.referral.Referral;
import org.crisisline.server.pathway.referral.ReferralBook;
import org.crisisline.server.pathway.referral.ReferralId;
import org.crisisline.server.pathway.referral.ReferralLifecycle;
import org.crisisline.server.pathway.referral.ReferralRequest;
import org.crisisline.server.pathway.referral.ReferralWatch;

/**
 * Where the HTTP routes and the delivery verticle change referrals: each change is a pure step
 * ({@link ReferralLifecycle}, {@link ReferralBook}) saved by the {@link ReferralStore} in one atomic step, then
 * written to the {@link ReferralJournal}. Refusals fail the future with {@link ReferralRefused}. Keeps the book
 * last read or saved, so the leads' report and the gauges can be answered without waiting
 * ({@link #report}); it lags only changes made by another server.
 *
 * <p>Threading: callable from any event loop; nothing blocks.
 */
public final class ReferralDesk {
    private final ReferralStore store;
    private final ReferralLifecycle lifecycle;
    private final ReferralWatch watch;
    private final ReferralJournal journal;
    private final Clock clock;
    private volatile ReferralBook latest;
    private volatile Consumer<List<PathwayEvent>> observer = events -> {
    };

    public ReferralDesk(ReferralStore store, ReferralLifecycle lifecycle, ReferralWatch watch, ReferralJournal journal,
            ReferralBook initial, Clock clock) {
        this.store = Objects.requireNonNull(store, "store");
        this.lifecycle = Objects.requireNonNull(lifecycle, "lifecycle");
        this.watch = Objects.requireNonNull(watch, "watch");
        this.journal = Objects.requireNonNull(journal, "journal");
        this.latest = Objects.requireNonNull(initial, "initial");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Hands the events of every change that was saved (once each) to {@code observer}, e.g. the metrics. */
    public ReferralDesk observingEvents(Consumer<List<PathwayEvent>> observer) {
        this.observer = Objects.requireNonNull(observer, "observer");
        return this;
    }

    public ReferralLifecycle lifecycle() {
        return lifecycle;
    }

    public ReferralWatch watch() {
        return watch;
    }

    /**
     * Drafts and queues a referral per request and saves them with their outbox entries in one step. A request
     * the lifecycle refuses (no consent) fails the whole call with {@link ReferralRefused.Kind#RULE} and saves
     * nothing. Referrals already saved (the same outcome again) are returned as saved, unchanged.
     */
    public Future<List<Referral>> open(List<ReferralRequest> requests, ReferralJournal.By by) {
        List<Referral> queued = new ArrayList<>();
        for (ReferralRequest request : requests) {
            ReferralId id = ReferralId.forCall(request.callId(), request.team());
            Result<Referral> drafted = lifecycle.draft(id, request);
            if (drafted instanceof Result.Rejected<Referral> refused) {
                return Future.failedFuture(new ReferralRefused(ReferralRefused.Kind.RULE, refused.reason()));
            }
            queued.add(lifecycle.queue(drafted.orElseThrow()).orElseThrow());
        }
        if (queued.isEmpty()) {
            return Future.succeededFuture(List.of());
        }
        // One already settled and archived is returned as it was, never opened (and sent) a second time.
        return Future.all(queued.stream().map(r -> store.archived(r.id())).toList()).compose(found -> {
            Map<ReferralId, Referral> archived = new HashMap<>();
            found.<Optional<Referral>>list().forEach(r -> r.ifPresent(a -> archived.put(a.id(), a)));
            List<Referral> toOpen = queued.stream().filter(r -> !archived.containsKey(r.id())).toList();
            Instant now = clock.instant();
            Future<ReferralBook> book = toOpen.isEmpty() ? Future.succeededFuture(latest)
                    : saved(current -> current.open(toOpen, now), by);
            return book.map(saved -> queued.stream()
                    .map(r -> archived.containsKey(r.id()) ? archived.get(r.id()) : saved.referral(r.id()).orElseThrow())
                    .toList());
        });
    }

    /**
     * Applies a lifecycle step to one referral (e.g. {@code lifecycle()::acknowledge}); settles its outbox entry
     * when the step proves delivery. {@link ReferralRefused.Kind#NOT_FOUND} for an unknown id,
     * {@link ReferralRefused.Kind#CONFLICT} when the lifecycle refuses the step.
     */
    public Future<Referral> apply(ReferralId id, Function<Referral, Result<Referral>> step, ReferralJournal.By by) {
        return book().compose(book -> book.referral(id).isPresent()
                ? saved(current -> current.update(id, step, clock.instant()), by)
                        .map(saved -> saved.referral(id).orElseThrow())
                : store.archived(id).map(archived -> againOnArchived(id, archived, step)));
    }

    /** The referral, from the book or, once settled and archived, from the archive. */
    public Future<Optional<Referral>> find(ReferralId id) {
        return book().compose(book -> book.referral(id).isPresent() ? Future.succeededFuture(book.referral(id))
                : store.archived(id));
    }

    /**
     * Moves the settled referrals beyond the newest {@code keep} ones to the archive: written there first, then
     * taken out of the book (a failure in between leaves them in both, which loses nothing).
     */
    public Future<Void> archiveSettled(int keep) {
        return book().compose(book -> {
            List<Referral> settled = book.settledBeyond(keep);
            if (settled.isEmpty()) {
                return Future.<Void>succeededFuture();
            }
            List<ReferralId> ids = settled.stream().map(Referral::id).toList();
            return store.archive(settled)
                    .compose(v -> saved(current -> current.withoutArchived(ids, clock.instant()),
                            ReferralJournal.By.DELIVERY))
                    .<Void>mapEmpty();
        });
    }

    /**
     * A step on an archived referral: it is settled, so the step may only repeat what happened (the same
     * answer sent again), which returns it unchanged; anything else is a conflict.
     */
    private static Referral againOnArchived(ReferralId id, Optional<Referral> archived,
                                            Function<Referral, Result<Referral>> step) {
        Referral referral = archived.orElseThrow(() ->
                new ReferralRefused(ReferralRefused.Kind.NOT_FOUND, "There is no referral " + id + "."));
        Result<Referral> again = step.apply(referral);
        if (again instanceof Result.Accepted<Referral> same && same.events().isEmpty()) {
            return referral;
        }
        throw new ReferralRefused(ReferralRefused.Kind.CONFLICT, again instanceof Result.Rejected<Referral> refused
                ? refused.reason() : "Referral " + id + " is settled and archived; it does not change any more.");
    }

    /** A delivery attempt failed: retried later with backoff, flagged to leads after enough failures. */
    /**
     * Claims a due referral for one delivery attempt until {@code leaseEnds}: true if this caller may send it,
     * false if it is no longer due (another node claimed or delivered it in between).
     */
    public Future<Boolean> claimDelivery(ReferralId id, Instant leaseEnds) {
        return store.change(book -> book.claimDelivery(id, clock.instant(), leaseEnds)).map(result -> {
            if (result instanceof Result.Accepted<ReferralBook> claimed) {
                latest = claimed.value();
                return true;
            }
            return false;
        });
    }

    public Future<Void> deliveryFailed(ReferralId id, String reason, ReferralJournal.By by) {
        return existing(id).compose(found -> saved(book -> book.deliveryFailed(id, reason, clock.instant()), by))
                .mapEmpty();
    }

    /** Reads the store (and remembers what it read). */
    public Future<ReferralBook> book() {
        return store.read().onSuccess(book -> latest = book);
    }

    /** The book last read or saved by this server. */
    public ReferralBook latest() {
        return latest;
    }

    /** The leads' view at {@code now}, from {@link #latest()}; never waits. */
    public ReferralWatch.Report report(Instant now) {
        ReferralBook book = latest;
        return watch.at(now, book.referrals(), book.outbox());
    }

    private Future<Referral> existing(ReferralId id) {
        return book().map(book -> book.referral(id).orElseThrow(() ->
                new ReferralRefused(ReferralRefused.Kind.NOT_FOUND, "There is no referral " + id + ".")));
    }

    private Future<ReferralBook> saved(Function<ReferralBook, Result<ReferralBook>> step, ReferralJournal.By by) {
        return store.change(step).compose(result -> {
            if (result instanceof Result.Rejected<ReferralBook> refused) {
                return Future.failedFuture(new ReferralRefused(ReferralRefused.Kind.CONFLICT, refused.reason()));
            }
            ReferralBook book = result.orElseThrow();
            latest = book;
            observer.accept(result.events());
            return journal.record(result.events(), by).map(book);
        });
    }
}
