package org.crisisline.server.referral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.crisisline.server.pathway.testing.ReferralRequestBuilder.aReferralRequest;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.Request;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.crisisline.queue.testing.MutableClock;
import org.crisisline.server.pathway.Result;
import org.crisisline.server.pathway.config.PathwaySettingsReader;
import org.crisisline.server.pathway.referral.Referral;
import org.crisisline.server.pathway.referral.ReferralBook;
import org.crisisline.server.pathway.referral.ReferralId;
import org.crisisline.server.pathway.referral.ReferralLifecycle;
import org.crisisline.server.pathway.referral.RejectionReason;
import org.crisisline.server.pathway.referral.TeamRejection;
import org.crisisline.server.referral.redis.ReferralBookJson;
import org.crisisline.server.referral.redis.RedisReferralStore;
import org.crisisline.server.referral.redis.RedisReferralStoreOptions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The Redis referral store against a real Redis at 127.0.0.1:6379, each test under its own key prefix. */
@DisplayName("The Redis referral store keeps the referral store contract")
class RedisReferralStoreTest extends ReferralStoreContract {
    private static final String REDIS = "redis://127.0.0.1:6379/0";
    private final Vertx vertx = Vertx.vertx();
    private final String prefix = "test-referrals-" + UUID.randomUUID();
    private final List<RedisReferralStore> opened = new ArrayList<>();

    @Override
    protected ReferralStore newStore() {
        return node();
    }

    private RedisReferralStore node() {
        RedisReferralStore store = RedisReferralStore.create(vertx,
                RedisReferralStoreOptions.defaults(REDIS).withKeyPrefix(prefix), RETRIES);
        opened.add(store);
        return store;
    }

    @AfterEach
    void closeAll() throws Exception {
        opened.forEach(RedisReferralStore::close);
        Redis cleaner = Redis.createClient(vertx, REDIS);
        await(cleaner.send(Request.cmd(Command.DEL).arg(prefix + ":referrals:book")));
        cleaner.close();
        await(vertx.close());
    }

    @Test
    @DisplayName("two nodes changing the same book at once lose nothing: the compare-and-set retries the loser")
    void twoNodesLoseNothing() throws Exception {
        RedisReferralStore first = node();
        RedisReferralStore second = node();
        ReferralLifecycle lifecycle = new ReferralLifecycle(new MutableClock(Instant.parse("2026-11-27T10:00:00Z")),
                PathwaySettingsReader.defaults().referral());
        List<Future<Result<ReferralBook>>> all = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            Referral referral = lifecycle.queue(lifecycle.draft(ReferralId.of("ref-" + i), aReferralRequest().build())
                    .orElseThrow()).orElseThrow();
            RedisReferralStore node = i % 2 == 0 ? first : second;
            all.add(node.change(book -> book.open(List.of(referral), Instant.parse("2026-11-27T10:00:00Z"))));
        }
        await(Future.all(all));

        assertThat(await(second.read()).referrals()).hasSize(30);
        assertThat(await(first.read()).outbox().size()).isEqualTo(30);
    }

    @Test
    @DisplayName("what it keeps reads back equal: every field of a rejected, chased referral and its outbox entry")
    void roundTrip() throws Exception {
        MutableClock clock = new MutableClock(Instant.parse("2026-11-27T10:00:00Z"));
        ReferralLifecycle lifecycle = new ReferralLifecycle(clock, PathwaySettingsReader.defaults().referral());
        Referral queued = lifecycle.queue(lifecycle.draft(ReferralId.of("ref-1"), aReferralRequest().urgent().build())
                .orElseThrow()).orElseThrow();
        ReferralBook book = ReferralBook.empty(RETRIES).open(List.of(queued), clock.instant()).orElseThrow()
                .deliveryFailed(queued.id(), "the team's endpoint answered HTTP 503", clock.instant()).orElseThrow()
                .update(queued.id(), lifecycle::delivered, clock.instant()).orElseThrow()
                .update(queued.id(), lifecycle::chase, clock.instant()).orElseThrow()
                .update(queued.id(), r -> lifecycle.rejectByTeam(r, new TeamRejection(RejectionReason.OUT_OF_AREA,
                        "Caller lives in Bradford", java.util.Set.of())), clock.instant()).orElseThrow()
                .update(queued.id(), r -> lifecycle.recordFallback(r, "Re-refer to Bradford", "Duty lead"),
                        clock.instant()).orElseThrow();
        RedisReferralStore store = node();

        await(store.change(empty -> Result.accepted(book)));

        ReferralBook read = await(store.read());
        assertThat(read.referrals()).containsExactlyElementsOf(book.referrals());
        assertThat(read.outbox().entries()).containsExactlyElementsOf(book.outbox().entries());
        assertThat(ReferralBookJson.encode(read)).isEqualTo(ReferralBookJson.encode(book));
    }

    private static <T> T await(Future<T> future) throws Exception {
        return future.toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
    }
}
