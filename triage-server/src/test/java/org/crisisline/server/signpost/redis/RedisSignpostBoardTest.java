package org.crisisline.server.signpost.redis;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Request;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.crisisline.server.auth.web.ApiError;
import org.crisisline.server.redis.LocalRedis;
import org.crisisline.server.signpost.SignpostBoard;
import org.crisisline.server.signpost.SignpostBoardContract;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The Redis signpost board against a real Redis at 127.0.0.1:6379, each test under its own key prefix. */
@DisplayName("the Redis café signpost board")
class RedisSignpostBoardTest extends SignpostBoardContract {
    private final LocalRedis redis = new LocalRedis("signposts");

    @Override
    protected SignpostBoard newBoard() {
        return node();
    }

    /** A board on a client of its own, as another server node would have. */
    private RedisSignpostBoard node() {
        return RedisSignpostBoard.create(redis.newClient(), redis.prefix());
    }

    @AfterEach
    void cleanUp() throws Exception {
        redis.close();
    }

    @Test
    @DisplayName("two nodes racing for a café's last place: exactly one wins, the other is told it is full")
    void twoNodesRaceForTheLastPlace() throws Exception {
        RedisSignpostBoard first = node();
        RedisSignpostBoard second = node();
        await(first.recordAll(List.of(LATE), FRIDAY_EVENING));

        List<Future<SignpostBoard.Recorded>> race = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            race.add((i % 2 == 0 ? first : second).recordAll(List.of(LATE), FRIDAY_EVENING));
        }
        await(Future.join(race).otherwiseEmpty());

        assertThat(race).filteredOn(Future::succeeded).hasSize(1);
        assertThat(race).filteredOn(Future::failed).hasSize(9).allSatisfy(lost ->
                assertThat(lost.cause()).isInstanceOfSatisfying(ApiError.class,
                        error -> assertThat(error.code()).isEqualTo("cafe-full")));
        assertThat(await(second.countsOn(FRIDAY_EVENING))).containsExactly(Map.entry("late", 2));
    }

    @Test
    @DisplayName("an evening's counts expire a few days after its last signpost")
    void eveningsExpire() throws Exception {
        await(newBoard().recordAll(List.of(HAVEN), FRIDAY_EVENING));

        long ttl = redis.send(Request.cmd(Command.TTL).arg(redis.prefix() + ":{signposts}:2026-11-27")).toLong();
        assertThat(ttl).isBetween(3 * 24 * 3600L - 60, 3 * 24 * 3600L);
    }
}
