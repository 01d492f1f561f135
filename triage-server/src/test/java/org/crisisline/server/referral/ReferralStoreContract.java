package org.crisisline.server.referral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.crisisline.server.pathway.testing.ReferralRequestBuilder.aReferralRequest;

import io.vertx.core.Future;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.crisisline.queue.testing.MutableClock;
import org.crisisline.server.pathway.Result;
import org.crisisline.server.pathway.config.PathwaySettingsReader;
import org.crisisline.server.pathway.outbox.RetryPolicy;
import org.crisisline.server.pathway.referral.Referral;
import org.crisisline.server.pathway.referral.ReferralBook;
import org.crisisline.server.pathway.referral.ReferralId;
import org.crisisline.server.pathway.referral.ReferralLifecycle;
import org.crisisline.server.pathway.referral.ReferralStatus;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * What every {@link ReferralStore} must do (STYLE.md, "Stores: one abstract contract test"): keep what an
 * accepted step made, keep nothing of a refused or failing step, and apply concurrent changes one at a time
 * so none is lost. A subclass supplies a fresh, empty store.
 */
abstract class ReferralStoreContract {
    protected static final RetryPolicy RETRIES = PathwaySettingsReader.defaults().outbox();
    private static final Instant T0 = Instant.parse("2026-11-27T10:00:00Z");
    private final ReferralLifecycle lifecycle =
            new ReferralLifecycle(new MutableClock(T0), PathwaySettingsReader.defaults().referral());
    private ReferralStore store;

    /** A new, empty store. */
    protected abstract ReferralStore newStore() throws Exception;

    @BeforeEach
    void fresh() throws Exception {
        store = newStore();
    }

    private Referral queued(String id) {
        return lifecycle.queue(lifecycle.draft(ReferralId.of(id), aReferralRequest().build()).orElseThrow())
                .orElseThrow();
    }

    private static <T> T await(Future<T> future) throws Exception {
        return future.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @Test
    @DisplayName("a new store holds no referral and an empty outbox")
    void startsEmpty() throws Exception {
        ReferralBook book = await(store.read());

        assertThat(book.referrals()).isEmpty();
        assertThat(book.outbox().size()).isZero();
    }

    @Test
    @DisplayName("an accepted change is kept whole, referral and outbox entry together, and returned with its events")
    void keepsAcceptedChanges() throws Exception {
        Result<ReferralBook> opened = await(store.change(book -> book.open(List.of(queued("ref-1")), T0)));

        assertThat(opened.events()).isNotEmpty();
        ReferralBook read = await(store.read());
        assertThat(read.referral(ReferralId.of("ref-1"))).get().extracting(Referral::status)
                .isEqualTo(ReferralStatus.QUEUED);
        assertThat(read.outbox().size()).isEqualTo(1);
        assertThat(read.dueForDelivery(T0)).hasSize(1);
    }

    @Test
    @DisplayName("a refused change is returned as refused and keeps nothing")
    void refusedChangesKeepNothing() throws Exception {
        await(store.change(book -> book.open(List.of(queued("ref-1")), T0)));

        Result<ReferralBook> refused = await(store.change(book -> book.update(ReferralId.of("nope"),
                lifecycle::acknowledge, T0)));

        assertThat(refused).isInstanceOf(Result.Rejected.class);
        assertThat(await(store.read()).referrals()).extracting(Referral::id).containsExactly(ReferralId.of("ref-1"));
    }

    @Test
    @DisplayName("a step that throws fails the change and keeps nothing")
    void failingStepsKeepNothing() throws Exception {
        Future<Result<ReferralBook>> failed = store.change(book -> {
            book.open(List.of(queued("ref-1")), T0);
            throw new IllegalStateException("a bug in the step");
        });

        assertThatThrownBy(() -> await(failed)).hasRootCauseInstanceOf(IllegalStateException.class);
        assertThat(await(store.read()).referrals()).isEmpty();
    }

    @Test
    @DisplayName("many concurrent changes are applied one at a time: none is lost")
    void concurrentChangesAreAtomic() throws Exception {
        int writers = 8;
        int each = 25;
        ExecutorService threads = Executors.newFixedThreadPool(writers);
        try {
            List<CompletableFuture<Result<ReferralBook>>> all = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                for (int i = 0; i < each; i++) {
                    Referral referral = queued("ref-" + w + "-" + i);
                    all.add(CompletableFuture.supplyAsync(() -> store.change(book -> book.open(List.of(referral), T0)),
                            threads).thenCompose(f -> f.toCompletionStage()));
                }
            }
            CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
        } finally {
            threads.shutdownNow();
        }

        ReferralBook book = await(store.read());
        assertThat(book.referrals()).hasSize(writers * each);
        assertThat(book.outbox().size()).isEqualTo(writers * each);
    }

    @Test
    @DisplayName("a delivery recorded against the stored book marks the referral delivered and its entry settled")
    void deliveryIsOneStep() throws Exception {
        await(store.change(book -> book.open(List.of(queued("ref-1")), T0)));

        await(store.change(book -> book.update(ReferralId.of("ref-1"), lifecycle::delivered, T0)));

        ReferralBook book = await(store.read());
        assertThat(book.referral(ReferralId.of("ref-1"))).get().extracting(Referral::status)
                .isEqualTo(ReferralStatus.DELIVERED);
        assertThat(book.dueForDelivery(T0.plusSeconds(86_400))).isEmpty();
    }

    @Test
    @DisplayName("an archived referral is kept whole and found by its id; archiving it again changes nothing; an unknown id finds nothing")
    void archiveKeepsSettledReferrals() throws Exception {
        Referral accepted = lifecycle.accept(lifecycle.acknowledge(lifecycle.delivered(queued("ref-1")).orElseThrow())
                .orElseThrow()).orElseThrow();

        await(store.archive(List.of(accepted)));
        await(store.archive(List.of(accepted)));

        assertThat(await(store.archived(ReferralId.of("ref-1")))).contains(accepted);
        assertThat(await(store.archived(ReferralId.of("ref-2")))).isEmpty();
        assertThat(await(store.read()).referrals()).isEmpty();
    }
}
