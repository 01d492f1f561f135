package org.crisisline.server.signpost.redis;

import io.vertx.core.Future;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import org.crisisline.server.pathway.cafe.Cafe;
import org.crisisline.server.pathway.cafe.SignpostTally;
import org.crisisline.server.pathway.hours.Session;
import org.crisisline.server.pathway.hours.WeeklyHours;
import org.crisisline.server.redis.TimedRedis;
import org.crisisline.server.signpost.CafeSignposts;
import org.crisisline.server.signpost.SignpostBoard;

/**
 * A {@link SignpostBoard} in Redis, shared by every node: one hash per evening,
 * {@code <prefix>:{signposts}:<service date>}, café id to count, expiring {@code keptFor} after its last
 * signpost. Recording checks every café's capacity and counts all of them in one Lua script, so two nodes
 * racing for a café's last place cannot both have it; undoing is one script decrementing what was counted
 * (never below zero). The {@code {signposts}} hash tag keeps every evening in one Redis Cluster slot, so a
 * script may touch several evenings. Thread-safe; never blocks.
 */
public final class RedisSignpostBoard implements SignpostBoard {
    /**
     * KEYS[i] the evening of entry i; ARGV[1] the expiry in seconds, then per entry: café id, signposts to
     * add, capacity. Returns 0 when all were counted, else the 1-based entry that would go over capacity
     * (nothing counted) and its count so far.
     */
    private static final String COUNT_ALL_OR_NONE = """
            for i = 1, #KEYS do
              local at = 1 + (i - 1) * 3
              local count = tonumber(redis.call('HGET', KEYS[i], ARGV[at + 1]) or '0')
              if count + tonumber(ARGV[at + 2]) > tonumber(ARGV[at + 3]) then return {i, count} end
            end
            for i = 1, #KEYS do
              local at = 1 + (i - 1) * 3
              redis.call('HINCRBY', KEYS[i], ARGV[at + 1], ARGV[at + 2])
              redis.call('EXPIRE', KEYS[i], ARGV[1])
            end
            return {0, 0}
            """;

    /** KEYS[i] the evening of entry i; ARGV per entry: café id, signposts to take back. Never below zero. */
    private static final String TAKE_BACK = """
            for i = 1, #KEYS do
              local cafe = ARGV[2 * i - 1]
              local left = tonumber(redis.call('HGET', KEYS[i], cafe) or '0') - tonumber(ARGV[2 * i])
              if left > 0 then redis.call('HSET', KEYS[i], cafe, left) else redis.call('HDEL', KEYS[i], cafe) end
            end
            return 0
            """;

    private final TimedRedis redis;
    private final String keyPrefix;
    private final Duration keptFor;

    private RedisSignpostBoard(TimedRedis redis, String keyPrefix, Duration keptFor) {
        this.redis = redis;
        this.keyPrefix = keyPrefix;
        this.keptFor = keptFor;
    }

    /**
     * A board on {@code redis} (not owned: its creator closes it) under {@code keyPrefix}, keeping each
     * evening's counts for {@code keptFor} after its last signpost, each call failing after {@code timeout}.
     */
    public static RedisSignpostBoard create(Redis redis, String keyPrefix, Duration keptFor, Duration timeout) {
        Objects.requireNonNull(keyPrefix, "keyPrefix");
        if (keyPrefix.isBlank() || keptFor.toSeconds() < 1) {
            throw new IllegalArgumentException("a key prefix and an expiry of at least a second are needed");
        }
        return new RedisSignpostBoard(new TimedRedis(redis, timeout), keyPrefix, keptFor);
    }

    /** {@link #create} with the defaults: counts kept 3 days after an evening's last signpost, 2 s timeout. */
    public static RedisSignpostBoard create(Redis redis, String keyPrefix) {
        return create(redis, keyPrefix, Duration.ofDays(3), Duration.ofSeconds(2));
    }

    @Override
    public Future<SignpostTally> tallyFor(List<Cafe> cafes, Instant at) {
        List<Cafe> open = new ArrayList<>();
        List<Future<Response>> reads = new ArrayList<>();
        for (Cafe cafe : cafes) {
            Optional<Session> session = cafe.sessionToSignpost(at);
            if (session.isPresent()) {
                open.add(cafe);
                reads.add(redis.send(Request.cmd(Command.HGET).arg(evening(session.get().serviceDate()))
                        .arg(cafe.id().value())));
            }
        }
        return Future.all(reads).map(all -> {
            SignpostTally tally = SignpostTally.empty();
            for (int i = 0; i < open.size(); i++) {
                Response count = all.resultAt(i);
                LocalDate evening = open.get(i).sessionToSignpost(at).orElseThrow().serviceDate();
                tally = tally.withCount(open.get(i).id(), evening, count == null ? 0 : count.toInteger());
            }
            return tally;
        });
    }

    @Override
    public Future<Map<String, Integer>> countsOn(Instant at) {
        return redis.send(Request.cmd(Command.HGETALL).arg(evening(LocalDate.ofInstant(at, WeeklyHours.ENGLAND))))
                .map(hash -> {
                    Map<String, Integer> counts = new TreeMap<>();
                    if (hash != null) {
                        hash.getKeys().forEach(cafe -> counts.put(cafe, hash.get(cafe).toInteger()));
                    }
                    return counts;
                });
    }

    @Override
    public Future<Recorded> recordAll(List<Cafe> cafes, Instant at) {
        return Future.succeededFuture(cafes).map(named -> CafeSignposts.of(named, at)).compose(signposts -> {
            List<String> keys = new ArrayList<>();
            List<String> args = new ArrayList<>(List.of(String.valueOf(keptFor.toSeconds())));
            for (CafeSignposts signpost : signposts) {
                keys.add(evening(signpost.session().serviceDate()));
                args.addAll(List.of(signpost.cafe().id().value(), String.valueOf(signpost.count()),
                        String.valueOf(signpost.cafe().capacityPerEvening())));
            }
            return redis.eval(COUNT_ALL_OR_NONE, keys, args).compose(answer -> {
                int full = answer.get(0).toInteger();
                return full == 0 ? Future.succeededFuture(new Recorded(signposts))
                        : Future.failedFuture(signposts.get(full - 1).full(answer.get(1).toInteger()));
            });
        });
    }

    @Override
    public Future<Void> undo(Recorded change) {
        if (change.signposts().isEmpty()) {
            return Future.succeededFuture();
        }
        List<String> keys = new ArrayList<>();
        List<String> args = new ArrayList<>();
        for (CafeSignposts signpost : change.signposts()) {
            keys.add(evening(signpost.session().serviceDate()));
            args.addAll(List.of(signpost.cafe().id().value(), String.valueOf(signpost.count())));
        }
        return redis.eval(TAKE_BACK, keys, args).mapEmpty();
    }

    private String evening(LocalDate serviceDate) {
        return keyPrefix + ":{signposts}:" + serviceDate;
    }
}
