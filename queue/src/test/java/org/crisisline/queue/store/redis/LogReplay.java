package org.crisisline.queue.store.redis;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.crisisline.queue.command.QueueCommand;
import org.crisisline.queue.config.QueueConfig;
import org.crisisline.queue.core.QueueCore;
import org.crisisline.queue.core.QueueSnapshot;
import org.crisisline.queue.event.Outcome;
import org.crisisline.queue.event.QueueEvent;
import org.crisisline.queue.model.Call;
import org.crisisline.queue.model.CallId;
import org.crisisline.queue.model.CallState;
import org.crisisline.queue.model.Operative;
import org.crisisline.queue.model.OperativeId;
import org.crisisline.queue.model.Tier;
import org.crisisline.queue.store.codec.QueueJson;
import org.crisisline.queue.store.codec.QueueJsonException;

/**
 * A line group's whole log, read from Redis with XRANGE and applied to a fresh {@link QueueCore},
 * independently of the store: the history every node must agree with. While applying, it checks the
 * store's invariants after every entry (see {@link #replay}). Needs an untrimmed log.
 */
final class LogReplay {
    private final List<LogEntry> entries;
    private final List<Outcome> outcomes = new ArrayList<>();
    private final List<QueueEvent> events = new ArrayList<>();
    private final Set<CallId> enqueued = new LinkedHashSet<>();
    private final QueueCore core;
    private final long startSequence;

    private LogReplay(List<LogEntry> entries, QueueCore core, long startSequence) {
        this.entries = entries;
        this.core = core;
        this.startSequence = startSequence;
    }

    /** Reads the group's log from its first entry (which must be entry 1) and replays it. */
    static LogReplay read(Vertx vertx, String redisUrl, RedisQueueStoreOptions options, QueueConfig config)
            throws Exception {
        List<LogEntry> entries = readLog(vertx, redisUrl, RedisKeys.of(options).log());
        return replay(entries, config);
    }

    /**
     * Applies the entries in order, as a replica would, and checks after each one: no call is offered
     * again unless its offer went unanswered (or its callback attempt failed) since; no operative holds
     * two calls, nor a call two operatives; tier-1 callers wait ahead of every lower tier.
     */
    static LogReplay replay(List<LogEntry> entries, QueueConfig config) {
        LogClock clock = new LogClock();
        return replay(entries, new QueueCore(config, clock), clock, 0);
    }

    /**
     * Reads the group's saved image and the log after it, and replays them: what a node that restarts
     * now must have. Works on a trimmed log.
     */
    static LogReplay readFromImage(Vertx vertx, String redisUrl, RedisQueueStoreOptions options,
                                   QueueConfig config) throws Exception {
        RedisKeys keys = RedisKeys.of(options);
        Redis redis = Redis.createClient(vertx, redisUrl);
        String imageJson;
        Response position;
        try {
            position = redis.send(Request.cmd(Command.HGETALL).arg(keys.imagePosition()))
                    .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
            // Each image is saved under a key of its own; the position says which one is adopted.
            imageJson = redis.send(Request.cmd(Command.GET).arg(field(position, "key").toString()))
                    .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS).toString();
        } finally {
            redis.close();
        }
        long imageSequence = field(position, "n").toLong();
        LogClock clock = new LogClock();
        clock.set(Instant.ofEpochMilli(field(position, "at").toLong()));
        QueueCore core = QueueCore.restore(config, clock, QueueJson.instance().readImage(imageJson));
        List<LogEntry> after = readLog(vertx, redisUrl, keys.log()).stream()
                .filter(e -> e.sequence() > imageSequence).toList();
        return replay(after, core, clock, imageSequence);
    }

    private static LogReplay replay(List<LogEntry> entries, QueueCore start, LogClock clock, long startSequence) {
        LogReplay replay = new LogReplay(entries, start, startSequence);
        QueueJson json = QueueJson.instance();
        Set<CallId> assigned = new HashSet<>();
        long expected = startSequence + 1;
        for (LogEntry entry : entries) {
            assertThat(entry.sequence()).as("sequence of entry %s", entry.id()).isEqualTo(expected++);
            clock.set(entry.at());
            QueueCommand command;
            try {
                command = json.readCommand(entry.command());
            } catch (QueueJsonException e) {
                throw new AssertionError("unreadable log entry " + entry.id(), e);
            }
            if (command instanceof QueueCommand.Enqueue enqueue) {
                replay.enqueued.add(enqueue.call().id());
            }
            Outcome outcome = command.applyTo(replay.core);
            replay.outcomes.add(outcome);
            replay.events.addAll(outcome.events());
            for (QueueEvent event : outcome.events()) {
                if (event instanceof QueueEvent.OperativeAssigned a) {
                    assertThat(assigned.add(a.call()))
                            .as("%s assigned again at entry %d without an unanswered offer between", a.call(),
                                    entry.sequence())
                            .isTrue();
                } else if (event instanceof QueueEvent.OfferNotAnswered e) {
                    assigned.remove(e.call());
                } else if (event instanceof QueueEvent.CallbackAttemptFailed e) {
                    assigned.remove(e.call());
                }
            }
            checkState(replay.core.snapshot(Integer.MAX_VALUE), "after entry " + entry.sequence());
        }
        return replay;
    }

    /** One picture of the queue is consistent: no operative double-booked, tier 1 first. */
    static void checkState(QueueSnapshot snapshot, String when) {
        Map<OperativeId, CallId> holding = new HashMap<>();
        for (Call call : snapshot.otherOpen()) {
            if (call.state() == CallState.OFFERED || call.state() == CallState.CONNECTED) {
                OperativeId operative = call.operative().orElseThrow();
                CallId before = holding.put(operative, call.id());
                assertThat(before).as("%s holds two calls %s", operative, when).isNull();
            }
        }
        for (QueueSnapshot.OperativeLoad load : snapshot.operatives()) {
            Operative operative = load.operative();
            operative.currentCall().ifPresent(call ->
                    assertThat(holding.get(operative.id())).as("%s's call %s", operative.id(), when).isEqualTo(call));
        }
        assertTierOneFirst(snapshot, when);
    }

    private static void assertTierOneFirst(QueueSnapshot snapshot, String when) {
        boolean lowerSeen = false;
        for (Call call : snapshot.waiting()) {
            if (call.tier() != Tier.IMMEDIATE_RISK) {
                lowerSeen = true;
            } else {
                assertThat(lowerSeen).as("tier-1 caller %s behind a lower tier %s", call.id(), when).isFalse();
            }
        }
    }

    /** Every call that was ever enqueued is still open, or ended with an event that says how. */
    void assertNoCallLost() {
        Set<CallId> ended = new HashSet<>();
        for (QueueEvent event : events) {
            QueueEvent.callEndedBy(event).ifPresent(ended::add);
        }
        assertThat(enqueued).isNotEmpty();
        for (CallId call : enqueued) {
            assertThat(core.call(call).isPresent() || ended.contains(call))
                    .as("call %s is neither open nor ended with an event", call).isTrue();
        }
    }

    /** How often each call was offered to an operative. */
    Map<CallId, Integer> assignmentsPerCall() {
        Map<CallId, Integer> counts = new HashMap<>();
        eventsOf(QueueEvent.OperativeAssigned.class).forEach(a -> counts.merge(a.call(), 1, Integer::sum));
        return counts;
    }

    <E extends QueueEvent> List<E> eventsOf(Class<E> type) {
        return events.stream().filter(type::isInstance).map(type::cast).toList();
    }

    /** The number of the first entry that produced an event of this type matching {@code which}. */
    <E extends QueueEvent> long sequenceOfFirst(Class<E> type, Predicate<E> which) {
        for (int i = 0; i < outcomes.size(); i++) {
            for (QueueEvent event : outcomes.get(i).events()) {
                if (type.isInstance(event) && which.test(type.cast(event))) {
                    return entries.get(i).sequence();
                }
            }
        }
        throw new AssertionError("no " + type.getSimpleName() + " in the log");
    }

    List<QueueEvent> events() {
        return events;
    }

    long lastSequence() {
        return entries.isEmpty() ? startSequence : entries.get(entries.size() - 1).sequence();
    }

    Set<CallId> enqueued() {
        return enqueued;
    }

    QueueView view() {
        return QueueView.of(core.snapshot(Integer.MAX_VALUE));
    }

    /** The whole stream, page by page. */
    static List<LogEntry> readLog(Vertx vertx, String redisUrl, String key) throws Exception {
        Redis redis = Redis.createClient(vertx, redisUrl);
        try {
            List<LogEntry> entries = new ArrayList<>();
            String from = "-";
            while (true) {
                Response page = redis.send(Request.cmd(Command.XRANGE).arg(key).arg(from).arg("+")
                        .arg("COUNT").arg(1000)).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
                if (page == null || page.size() == 0) {
                    return entries;
                }
                for (Response entry : page) {
                    Response fields = entry.get(1);
                    entries.add(new LogEntry(entry.get(0).toString(), field(fields, "n").toLong(),
                            Instant.ofEpochMilli(field(fields, "at").toLong()), field(fields, "cmd").toString()));
                }
                from = "(" + entries.get(entries.size() - 1).id();
            }
        } finally {
            redis.close();
        }
    }

    /** The number of the last entry in the saved image, or 0 if none is saved. */
    static long imageSequence(Vertx vertx, String redisUrl, RedisQueueStoreOptions options) throws Exception {
        Redis redis = Redis.createClient(vertx, redisUrl);
        try {
            Response n = redis.send(Request.cmd(Command.HGET).arg(RedisKeys.of(options).imagePosition()).arg("n"))
                    .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
            return n == null ? 0 : n.toLong();
        } finally {
            redis.close();
        }
    }

    /** A plain value of a key, or null. */
    static String get(Vertx vertx, String redisUrl, String key) throws Exception {
        Redis redis = Redis.createClient(vertx, redisUrl);
        try {
            Response value = redis.send(Request.cmd(Command.GET).arg(key))
                    .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
            return value == null ? null : value.toString();
        } finally {
            redis.close();
        }
    }

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
