package org.crisisline.queue.store.redis;

import io.vertx.core.Future;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisConnection;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A line group's log and its saved image in Redis: append a command (one script: deduplicated,
 * sequenced, timed), read the entries after a position, save an image and trim, seed a new group.
 * Every call fails after the configured timeout.
 */
final class CommandLog {
    private static final LuaScript APPEND = LuaScript.load("append.lua");
    private static final LuaScript SEED = LuaScript.load("seed.lua");
    private static final LuaScript SNAPSHOT = LuaScript.load("snapshot.lua");
    static final String NOT_INITIALIZED = "NOT_INITIALIZED";

    private final Redis redis;
    private final RedisKeys keys;
    private final long timeoutMillis;
    private final long dedupeSeconds;

    /** The image saved with the position of the last entry it includes. */
    record SavedImage(String json, long sequence, String entryId, Instant at) {
    }

    CommandLog(Redis redis, RedisQueueStoreOptions options) {
        this.redis = redis;
        this.keys = RedisKeys.of(options);
        this.timeoutMillis = options.timeout().toMillis();
        this.dedupeSeconds = Math.max(1, options.dedupeWindow().toSeconds());
    }

    RedisKeys keys() {
        return keys;
    }

    /**
     * Appends commands in order, in one script call. With {@code dedupe}, the same command id appended
     * again (by this node retrying, or by another node sending the same tick) gets the first entry's id.
     */
    Future<List<String>> appendAll(List<GroupCommit.Pending> commands) {
        List<String> scriptKeys = new ArrayList<>(3 + commands.size());
        scriptKeys.addAll(List.of(keys.log(), keys.sequence(), keys.lastTime()));
        List<String> args = new ArrayList<>(1 + 3 * commands.size());
        args.add(Long.toString(dedupeSeconds));
        for (GroupCommit.Pending command : commands) {
            scriptKeys.add(keys.command(command.commandId()));
            args.add(command.commandJson());
            args.add(Long.toString(command.nodeNow().toEpochMilli()));
            args.add(command.dedupe() ? "1" : "0");
        }
        return APPEND.run(redis, scriptKeys, args)
                .timeout(timeoutMillis, TimeUnit.MILLISECONDS)
                .map(ids -> {
                    List<String> entryIds = new ArrayList<>(ids.size());
                    ids.forEach(id -> entryIds.add(id.toString()));
                    return entryIds;
                });
    }

    /** Starts the group's log from this image if it has none; true if this call did. */
    Future<Boolean> seed(Optional<String> imageJson, long sequence, Instant at) {
        return SEED.run(redis,
                        List.of(keys.log(), keys.sequence(), keys.lastTime(), keys.image(), keys.imagePosition()),
                        List.of(imageJson.orElse(""), Long.toString(sequence), Long.toString(at.toEpochMilli())))
                .timeout(timeoutMillis, TimeUnit.MILLISECONDS)
                .map(r -> r.toInteger() == 1);
    }

    /**
     * Saves an image taken after entry {@code sequence} under a key of its own (a plain SET, so Redis
     * is not blocked copying it through Lua), then adopts it and trims the log up to it, unless a newer
     * one is adopted already; releases the snapshot lease if {@code leaseToken} still holds it.
     */
    Future<Boolean> saveImage(String imageJson, long sequence, String entryId, Instant at, String leaseToken) {
        String imageKey = keys.image() + ":" + sequence;
        return redis.send(Request.cmd(Command.SET).arg(imageKey).arg(imageJson))
                .compose(written -> SNAPSHOT.run(redis,
                        List.of(keys.log(), keys.imagePosition(), keys.snapshotLease(), imageKey),
                        List.of(Long.toString(sequence), entryId, Long.toString(at.toEpochMilli()), leaseToken)))
                .timeout(timeoutMillis, TimeUnit.MILLISECONDS)
                .map(r -> r.toInteger() == 1);
    }

    /**
     * Whether this node may take the next image (one node at a time does the work). The lease is
     * released when the image is saved, or lapses after {@code lease} if the node dies first.
     */
    Future<Boolean> leaseSnapshot(Duration lease, String leaseToken) {
        return redis.send(Request.cmd(Command.SET).arg(keys.snapshotLease()).arg(leaseToken).arg("NX").arg("PX")
                        .arg(lease.toMillis()))
                .timeout(timeoutMillis, TimeUnit.MILLISECONDS)
                .map(r -> r != null && "OK".equals(r.toString()));
    }

    /** The adopted image and its position (an image seeded by {@code seed.lua} is under the plain key). */
    Future<Optional<SavedImage>> loadImage() {
        return redis.send(Request.cmd(Command.HGETALL).arg(keys.imagePosition()))
                .timeout(timeoutMillis, TimeUnit.MILLISECONDS)
                .compose(position -> {
                    if (position == null || position.size() == 0) {
                        return Future.succeededFuture(Optional.<SavedImage>empty());
                    }
                    String imageKey = optionalField(position, "key").orElse(keys.image());
                    return redis.send(Request.cmd(Command.GET).arg(imageKey))
                            .timeout(timeoutMillis, TimeUnit.MILLISECONDS)
                            .map(image -> image == null ? Optional.<SavedImage>empty()
                                    : Optional.of(new SavedImage(image.toString(), field(position, "n").toLong(),
                                            field(position, "id").toString(),
                                            Instant.ofEpochMilli(field(position, "at").toLong()))));
                });
    }

    /** Whether the group has a log at all (Redis may have lost it). */
    Future<Boolean> isInitialised() {
        return redis.send(Request.cmd(Command.EXISTS).arg(keys.sequence()))
                .timeout(timeoutMillis, TimeUnit.MILLISECONDS)
                .map(r -> r.toInteger() == 1);
    }

    /**
     * The entries after {@code afterId}, waiting up to {@code block} for one to arrive (zero: not at
     * all). Uses its own connection, since a blocking read holds it.
     */
    Future<List<LogEntry>> readAfter(RedisConnection connection, String afterId, int count, Duration block) {
        Request read = Request.cmd(Command.XREAD).arg("COUNT").arg(count);
        if (!block.isZero()) {
            read.arg("BLOCK").arg(block.toMillis());
        }
        read.arg("STREAMS").arg(keys.log()).arg(afterId);
        return connection.send(read)
                .timeout(block.toMillis() + timeoutMillis, TimeUnit.MILLISECONDS)
                .map(this::entries);
    }

    private List<LogEntry> entries(Response reply) {
        List<LogEntry> entries = new ArrayList<>();
        if (reply == null) {
            return entries;
        }
        // RESP3 answers with a map of stream to entries, RESP2 with [[stream, entries]].
        Response streamEntries = reply.isMap() ? reply.get(keys.log()) : reply.get(0).get(1);
        if (streamEntries == null) {
            return entries;
        }
        for (Response entry : streamEntries) {
            Response fields = entry.get(1);
            entries.add(new LogEntry(entry.get(0).toString(), field(fields, "n").toLong(),
                    Instant.ofEpochMilli(field(fields, "at").toLong()), field(fields, "cmd").toString()));
        }
        return entries;
    }

    private static Optional<String> optionalField(Response fields, String name) {
        if (fields.isMap()) {
            return Optional.ofNullable(fields.get(name)).map(Response::toString);
        }
        for (int i = 0; i + 1 < fields.size(); i += 2) {
            if (name.equals(fields.get(i).toString())) {
                return Optional.of(fields.get(i + 1).toString());
            }
        }
        return Optional.empty();
    }

    /** A field of a flat [name, value, ...] reply, or of a map reply. */
    private static Response field(Response fields, String name) {
        if (fields.isMap()) {
            return fields.get(name);
        }
        for (int i = 0; i + 1 < fields.size(); i += 2) {
            if (name.equals(fields.get(i).toString())) {
                return fields.get(i + 1);
            }
        }
        throw new IllegalStateException("log entry without field '" + name + "'");
    }
}
