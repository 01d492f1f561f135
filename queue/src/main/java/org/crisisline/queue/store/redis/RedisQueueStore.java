package org.crisisline.queue.store.redis;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisConnection;
import io.vertx.redis.client.RedisOptions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.crisisline.queue.callback.CallbackSlot;
import org.crisisline.queue.command.QueueCommand;
import org.crisisline.queue.config.QueueConfig;
import org.crisisline.queue.core.CoreImage;
import org.crisisline.queue.core.QueueCore;
import org.crisisline.queue.core.QueueSnapshot;
import org.crisisline.queue.event.Outcome;
import org.crisisline.queue.model.CallId;
import org.crisisline.queue.policy.CallbackOfferRule;
import org.crisisline.queue.store.QueueStore;
import org.crisisline.queue.store.QueueStoreException;
import org.crisisline.queue.store.StoreHealth;
import org.crisisline.queue.store.codec.QueueJson;

/**
 * The queue's state in Redis, shared by every node that serves a line group and kept across restarts.
 *
 * <p>How: the group's commands form one log in Redis (a stream). A command is appended by one Lua
 * script that makes it land at most once (per command id), gives it the next sequence number and a
 * logical time that never goes backwards; commands that queue up while earlier appends are in flight
 * go together in the next call ({@link GroupCommit}). Every node applies the log, in order, to its own
 * {@link QueueCore}; the core is deterministic, so every node reaches the same decisions and no caller
 * can be given to two operatives, nor an operative two callers. A command's outcome is what the
 * appending node's core returned when it applied that entry. An image of the core is saved every
 * {@code snapshotEvery} entries and the log trimmed up to it, so a restarting node loads the image
 * and applies only what came after.
 *
 * <p>Outcomes complete when this node has applied the entry and Redis has answered the append, so
 * the outcomes of commands sent concurrently may complete out of log order: a consumer that needs the
 * order must follow the events' log order, not completion order.
 *
 * <p>Threading: everything runs on one Vert.x context; methods may be called from any thread and
 * return stages completed on that context. Every Redis call has a timeout; a failure fails the stage
 * with a {@link QueueStoreException} and marks the store degraded until Redis answers again.
 */
public final class RedisQueueStore implements QueueStore {
    private static final Logger LOG = Logger.getLogger(RedisQueueStore.class.getName());
    private static final int READ_BATCH = 1_000;
    private static final Duration READ_BLOCK = Duration.ofMillis(500);
    private static final Duration SNAPSHOT_LEASE = Duration.ofSeconds(30);
    private static final long MAX_BACKOFF_MILLIS = 2_000;
    private static final int APPENDS_IN_FLIGHT = 2;
    private static final int MAX_APPEND_BATCH = 64;

    private final Vertx vertx;
    private final Context context;
    private final Clock clock;
    private final QueueConfig config;
    private final RedisQueueStoreOptions options;
    private final Redis redis;
    private final CommandLog log;
    private final GroupCommit appends;
    private final Replica replica;
    private final QueueJson json = QueueJson.instance();
    private final String leaseToken = UUID.randomUUID().toString();
    private RedisConnection reader;
    private volatile StoreHealth health;
    private long backoffMillis = 50;
    private long tickTimer = -1;
    private Instant tickAt;
    private long imageSequence;
    private boolean closed;

    private RedisQueueStore(Vertx vertx, Context context, QueueConfig config, Clock clock,
                            RedisQueueStoreOptions options) {
        this.vertx = vertx;
        this.context = context;
        this.clock = clock;
        this.config = config;
        this.options = options;
        this.redis = Redis.createClient(vertx, new RedisOptions().setConnectionString(options.redisUrl())
                .setMaxPoolSize(options.poolSize()).setMaxPoolWaiting(10_000).setMaxWaitingHandlers(10_000));
        this.log = new CommandLog(redis, options);
        this.appends = new GroupCommit(log::appendAll, APPENDS_IN_FLIGHT, MAX_APPEND_BATCH);
        this.replica = new Replica(config);
        this.health = StoreHealth.degraded("starting", clock.instant());
    }

    /**
     * Opens the store: loads the saved image, applies the log after it and starts following the log.
     * Fails if Redis cannot be reached within the timeout.
     */
    public static Future<RedisQueueStore> open(Vertx vertx, QueueConfig config, Clock clock,
                                               RedisQueueStoreOptions options) {
        Context context = vertx.getOrCreateContext();
        Promise<RedisQueueStore> opened = Promise.promise();
        context.runOnContext(v -> {
            RedisQueueStore store = new RedisQueueStore(vertx, context, config, clock, options);
            store.start().map(store).recover(failure -> {
                store.close();
                return Future.failedFuture(failure(options.redisUrl() + " could not be opened", failure));
            }).onComplete(opened);
        });
        return opened.future();
    }

    private Future<Void> start() {
        return log.loadImage()
                .compose(saved -> {
                    saved.ifPresent(this::restore);
                    return saved.isPresent() ? Future.<Void>succeededFuture()
                            : log.seed(Optional.empty(), 0, clock.instant()).<Void>mapEmpty();
                })
                .compose(v -> redis.connect())
                .compose(connection -> {
                    reader = connection;
                    return catchUp();
                })
                .onSuccess(v -> {
                    healthy();
                    imageSequence = replica.sequence();
                    follow();
                });
    }

    private void restore(CommandLog.SavedImage saved) {
        replica.restore(json.readImage(saved.json()), saved.sequence(), saved.entryId(), saved.at());
    }

    // --- QueueStore -------------------------------------------------------------------------

    @Override
    public CompletionStage<Outcome> execute(QueueCommand command) {
        return onContext(() -> executeAs(UUID.randomUUID().toString(), command, clock.instant(), false));
    }

    @Override
    public CompletionStage<QueueSnapshot> snapshot(int waitingLimit) {
        return read(core -> core.snapshot(waitingLimit));
    }

    @Override
    public CompletionStage<List<CallbackSlot>> offerSlots() {
        return read(QueueCore::offerSlots);
    }

    @Override
    public CompletionStage<CallbackOfferRule.Decision> callbackOffer(CallId call, boolean riskQuestionPassed) {
        return read(core -> core.callbackOffer(call, riskQuestionPassed));
    }

    @Override
    public CompletionStage<Optional<Instant>> nextDeadline() {
        return onContext(() -> Future.succeededFuture(replica.readAt(clock.instant()).flatMap(QueueCore::nextDeadline)));
    }

    @Override
    public StoreHealth health() {
        return health;
    }

    /** How many log entries this node has applied (for tests and metrics). */
    public CompletionStage<Long> appliedSequence() {
        return onContext(() -> Future.succeededFuture(replica.sequence()));
    }

    @Override
    public void close() {
        context.runOnContext(v -> {
            closed = true;
            vertx.cancelTimer(tickTimer);
            if (reader != null) {
                reader.close();
            }
            redis.close();
            health = StoreHealth.degraded("closed", clock.instant());
        });
    }

    // --- appending ----------------------------------------------------------------------------

    private Future<Outcome> executeAs(String commandId, QueueCommand command, Instant at, boolean dedupe) {
        if (closed) {
            return Future.failedFuture(new QueueStoreException("the Redis queue store is closed"));
        }
        String text = json.write(command);
        return appendSeedingIfNeeded(commandId, text, at, dedupe)
                .compose(entryId -> replica.outcomeOf(entryId)
                        .timeout(options.timeout().toMillis(), TimeUnit.MILLISECONDS)
                        .onFailure(f -> replica.forget(entryId)))
                .recover(f -> {
                    degraded(f);
                    return Future.failedFuture(failure(describe(command) + " failed", f));
                });
    }

    /** A group whose log Redis lost (or never had) is seeded from this node's copy, then the append retried. */
    private Future<String> appendSeedingIfNeeded(String commandId, String text, Instant at, boolean dedupe) {
        return appends.append(commandId, text, at, dedupe).recover(f -> {
            if (!String.valueOf(f.getMessage()).startsWith(CommandLog.NOT_INITIALIZED)) {
                return Future.failedFuture(f);
            }
            Optional<String> image = replica.image().map(json::write);
            return log.seed(image, replica.sequence(), replica.lastAt())
                    .onSuccess(seeded -> {
                        if (seeded) {
                            LOG.warning("line group " + options.lineGroup() + ": log missing in Redis; seeded from"
                                    + " this node's copy at entry " + replica.sequence());
                        }
                        replica.rewindPosition();
                    })
                    .compose(seeded -> appends.append(commandId, text, at, dedupe));
        });
    }

    // --- following the log ----------------------------------------------------------------------

    /** Applies every entry already in the log, without waiting for new ones. */
    private Future<Void> catchUp() {
        return log.readAfter(reader, replica.position(), READ_BATCH, Duration.ZERO).compose(entries -> {
            if (!applyAll(entries)) {
                return reloadImage().compose(v -> catchUp());
            }
            return entries.size() < READ_BATCH ? Future.<Void>succeededFuture() : catchUp();
        });
    }

    private void follow() {
        if (closed) {
            return;
        }
        log.readAfter(reader, replica.position(), READ_BATCH, READ_BLOCK)
                .onSuccess(entries -> {
                    backoffMillis = 50;
                    healthy();
                    if (applyAll(entries)) {
                        follow();
                    } else {
                        reloadImage().onComplete(v -> follow());
                    }
                })
                .onFailure(f -> {
                    if (closed) {
                        return;
                    }
                    degraded(f);
                    reconnectLater();
                });
    }

    private void reconnectLater() {
        long delay = backoffMillis;
        backoffMillis = Math.min(MAX_BACKOFF_MILLIS, backoffMillis * 2);
        vertx.setTimer(delay, id -> {
            if (closed) {
                return;
            }
            if (reader != null) {
                reader.close();
            }
            redis.connect()
                    .compose(connection -> {
                        reader = connection;
                        return log.isInitialised();
                    })
                    .onSuccess(initialised -> {
                        if (!initialised) {
                            // Redis came back without the log: read the re-seeded log from its start.
                            replica.rewindPosition();
                        }
                        follow();
                    })
                    .onFailure(f -> {
                        degraded(f);
                        reconnectLater();
                    });
        });
    }

    /**
     * Applies entries in order; false if one came after a gap, or from a log started anew (the saved
     * image must be reloaded).
     */
    private boolean applyAll(List<LogEntry> entries) {
        boolean complete = true;
        for (LogEntry entry : entries) {
            Replica.Applied applied = replica.apply(entry);
            if (applied == Replica.Applied.GAP || applied == Replica.Applied.RESET) {
                LOG.warning("line group " + options.lineGroup() + ": " + (applied == Replica.Applied.GAP
                        ? "entries missing before " + entry.sequence()
                        : "the log was started anew (entry " + entry.sequence() + " again)")
                        + "; reloading the saved image");
                complete = false;
                break;
            }
        }
        if (!entries.isEmpty()) {
            scheduleTick();
            snapshotIfDue();
        }
        return complete;
    }

    /** The saved image, or, if the group has none (its log was started from nothing), the log's start. */
    private Future<Void> reloadImage() {
        return log.loadImage()
                .onSuccess(saved -> {
                    saved.ifPresentOrElse(this::restore, replica::reset);
                    imageSequence = replica.sequence();
                })
                .onFailure(this::degraded)
                .<Void>mapEmpty().recover(f -> Future.succeededFuture());
    }

    /** Sets a timer for the core's next deadline; the tick's id is shared so nodes append it once. */
    private void scheduleTick() {
        Optional<Instant> next = replica.readAt(clock.instant()).flatMap(QueueCore::nextDeadline);
        if (next.isEmpty() || next.get().equals(tickAt)) {
            return;
        }
        vertx.cancelTimer(tickTimer);
        Instant deadline = next.get();
        tickAt = deadline;
        long delay = Math.max(1, Duration.between(clock.instant(), deadline).toMillis());
        tickTimer = vertx.setTimer(delay, id -> {
            tickAt = null;
            Instant at = clock.instant().isAfter(deadline) ? clock.instant() : deadline;
            executeAs("tick-" + deadline.toEpochMilli(), new QueueCommand.Tick(), at, true)
                    .onFailure(f -> LOG.log(Level.FINE, "tick failed; the next command catches up", f));
        });
    }

    private void snapshotIfDue() {
        if (replica.sequence() - imageSequence < options.snapshotEvery()) {
            return;
        }
        imageSequence = replica.sequence();
        log.leaseSnapshot(SNAPSHOT_LEASE, leaseToken).onSuccess(mine -> {
            if (mine) {
                replica.image().ifPresent(this::saveImage);
            }
        }).onFailure(this::degraded);
    }

    /** The image is immutable: it is written as JSON on a worker thread, off the event loop. */
    private void saveImage(CoreImage image) {
        long sequence = replica.sequence();
        String position = replica.position();
        Instant at = replica.lastAt();
        vertx.executeBlocking(() -> json.write(image), false)
                .compose(text -> log.saveImage(text, sequence, position, at, leaseToken))
                .onFailure(this::degraded);
    }

    // --- plumbing --------------------------------------------------------------------------------

    private <T> CompletionStage<T> read(Function<QueueCore, T> query) {
        return onContext(() -> {
            // Before the first entry there is nothing yet: an empty core answers.
            QueueCore core = replica.readAt(clock.instant()).orElseGet(() -> new QueueCore(config, clock));
            return Future.succeededFuture(query.apply(core));
        });
    }

    private <T> CompletionStage<T> onContext(Supplier<Future<T>> work) {
        Promise<T> promise = Promise.promise();
        context.runOnContext(v -> {
            try {
                work.get().onComplete(promise);
            } catch (RuntimeException e) {
                promise.fail(e);
            }
        });
        return promise.future().toCompletionStage();
    }

    private void healthy() {
        if (!health.healthy()) {
            health = StoreHealth.healthy(clock.instant());
        }
    }

    private void degraded(Throwable cause) {
        if (health.healthy() && !closed) {
            health = StoreHealth.degraded("Redis: " + reason(cause), clock.instant());
            LOG.warning("queue store degraded: " + reason(cause));
        }
    }

    private static QueueStoreException failure(String what, Throwable cause) {
        return cause instanceof QueueStoreException known ? known
                : new QueueStoreException(what + ": " + reason(cause), cause);
    }

    /** A failure's message; some (a closed channel) have none, and then their type says what happened. */
    private static String reason(Throwable cause) {
        return cause.getMessage() != null ? cause.getMessage() : cause.getClass().getSimpleName();
    }

    private static String describe(QueueCommand command) {
        return command.getClass().getSimpleName();
    }
}
