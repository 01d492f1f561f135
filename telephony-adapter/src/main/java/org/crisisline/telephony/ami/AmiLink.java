package org.crisisline.telephony.ami;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.LongAdder;
import org.asteriskjava.manager.AuthenticationFailedException;
import org.asteriskjava.manager.DefaultManagerConnection;
import org.asteriskjava.manager.ManagerConnection;
import org.asteriskjava.manager.action.PingAction;
import org.asteriskjava.manager.action.SetVarAction;
import org.crisisline.telephony.Dialplan;
import org.crisisline.telephony.PbxGateway;
import org.crisisline.telephony.TelephonyException;
import org.crisisline.telephony.TelephonyException.Code;
import org.crisisline.telephony.bus.LocalMessageCodec;
import org.crisisline.telephony.event.LinkState;
import org.crisisline.telephony.event.OriginateResult;
import org.crisisline.telephony.event.PbxLinkChanged;
import org.crisisline.telephony.event.TelephonyEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The connection to one PBX's AMI, kept up for as long as the link runs. Several PBXs means several
 * links, each with its own name ({@link AmiOptions#pbx()}).
 *
 * <ul>
 *   <li>Logs in, retrying with backoff until it succeeds (asterisk-java retries only after a first
 *       success) and again after every loss; asterisk-java's own reconnect is switched off by
 *       logging the lost connection off, so there is one reconnect policy.</li>
 *   <li>Detects a dead peer with its own Ping and a timeout (asterisk-java's does not).</li>
 *   <li>On every login, resynchronises: {@code CoreShowChannels}, compared with the channels it
 *       believes live ({@link CallLegs}), publishing ChannelVanished / ChannelDiscovered.</li>
 *   <li>While logged in, refreshes the global {@code CRISISLINE_HEARTBEAT} (epoch seconds).</li>
 *   <li>Publishes Crisisline's events for the PBX, link changes included, on {@link TelephonyEvent#ADDRESS}.</li>
 * </ul>
 *
 * <pre>{@code
 * AmiLink link = AmiLink.create(vertx, AmiOptions.fromJson(config), Clock.systemUTC());
 * vertx.eventBus().<TelephonyEvent>consumer(TelephonyEvent.ADDRESS, message -> route(message.body()));
 * link.start();
 * link.gateway().connectToOperative(callerChannel, "op1")      // Future<RedirectDone>
 *         .onFailure(e -> ...);                                // TelephonyException: TIMEOUT, REJECTED, LINK_DOWN
 * }</pre>
 *
 * <p>Threading: the link's state has one owner, the Vert.x context {@link #start()} was called on.
 * Blocking asterisk-java calls (login, logoff, resync, socket writes) run on the link's own I/O
 * thread, never on an event loop. Events arrive on asterisk-java's pump thread and are handed to the
 * context at once. {@link #health()} and {@link #gateway()} may be used from any thread.
 */
public final class AmiLink {
    private static final Logger LOG = LoggerFactory.getLogger(AmiLink.class);

    private final Vertx vertx;
    private final AmiOptions options;
    private final Clock clock;
    private final Backoff backoff;
    private final ExecutorService io;
    private final ExecutorService closer;
    private final AmiEventMapper mapper;
    private final CallLegs legs;
    private final OriginateTracker originates = new OriginateTracker();
    private final LongAdder translated = new LongAdder();
    private final LongAdder ignored = new LongAdder();
    private final ActionSender sender;
    private final AmiGateway gateway;

    private Context context;
    private volatile ManagerConnection connection;
    private volatile LinkHealth health;
    private int generation;
    private int failedAttempts;
    private boolean stopped;
    private boolean heartbeatFailing;
    private final List<Long> timers = new ArrayList<>();
    private long reconnectTimer = -1;

    private AmiLink(Vertx vertx, AmiOptions options, Clock clock) {
        this.vertx = vertx;
        this.options = options;
        this.clock = clock;
        this.backoff = new Backoff(options.reconnectInitial(), options.reconnectMax());
        this.mapper = new AmiEventMapper(options);
        this.legs = new CallLegs(mapper::isOperative);
        this.io = daemonThread("crisisline-ami-" + options.pbx());
        // Logging off a dead peer blocks until the response timeout: never in the way of the next login.
        this.closer = daemonThread("crisisline-ami-" + options.pbx() + "-close");
        this.sender = new ActionSender(vertx, io, () -> connection);
        this.gateway = new AmiGateway(vertx, options, clock, sender, originates,
                event -> vertx.eventBus().publish(TelephonyEvent.ADDRESS, event), this::listChannels);
        this.health = new LinkHealth(options.pbx(), LinkState.DOWN, "not started", clock.instant(), 0, 0, 0);
    }

    /** A link to the PBX {@code options} describe; nothing happens until {@link #start()}. */
    public static AmiLink create(Vertx vertx, AmiOptions options, Clock clock) {
        LocalMessageCodec.install(vertx);
        return new AmiLink(vertx, options, clock);
    }

    /**
     * Starts connecting and returns at once: the link keeps trying until {@link #stop()}, and reports
     * how it goes as {@link PbxLinkChanged} events and in {@link #health()}. Call it once, on the
     * context that is to own the link (a verticle's).
     */
    public Future<Void> start() {
        if (context != null) {
            return Future.succeededFuture(); // already started: one owner, one connection
        }
        context = vertx.getOrCreateContext();
        context.runOnContext(v -> connect());
        return Future.succeededFuture();
    }

    /** Logs off and stops reconnecting; waiting commands fail with {@code LINK_DOWN}. */
    public Future<Void> stop() {
        if (context == null) {
            io.shutdown();
            closer.shutdown();
            return Future.succeededFuture();
        }
        Promise<Void> stoppedPromise = Promise.promise();
        context.runOnContext(v -> {
            if (stopped) {
                stoppedPromise.complete();
                return;
            }
            stopped = true;
            generation++;
            cancelTimers();
            vertx.cancelTimer(reconnectTimer);
            ManagerConnection last = connection;
            connection = null;
            changeState(LinkState.DOWN, "stopped");
            originates.failAll(new TelephonyException(Code.LINK_DOWN, options.pbx() + ": the link was stopped"));
            closer.execute(() -> {
                logoffQuietly(last);
                context.runOnContext(done -> stoppedPromise.complete());
            });
            io.shutdown();
            closer.shutdown();
        });
        return stoppedPromise.future();
    }

    /** The commands Crisisline sends this PBX. */
    public PbxGateway gateway() {
        return gateway;
    }

    public LinkHealth health() {
        return health;
    }

    public String pbx() {
        return options.pbx();
    }

    private void connect() {
        if (stopped) {
            return;
        }
        int attempt = ++generation;
        DefaultManagerConnection fresh = new DefaultManagerConnection(options.host(), options.port(),
                options.username(), options.secret());
        fresh.setDefaultResponseTimeout(options.loginTimeout().toMillis());
        fresh.setSocketTimeout((int) options.loginTimeout().toMillis());
        fresh.addEventListener(new EventPump(mapper, clock,
                event -> context.runOnContext(v -> onEvent(attempt, event)),
                () -> context.runOnContext(v -> lost(attempt, "connection lost")),
                translated, ignored));
        execute(() -> login(attempt, fresh));
    }

    /** On the I/O thread: asterisk-java's login blocks until the PBX answers or the timeout passes. */
    private void login(int attempt, ManagerConnection fresh) {
        try {
            fresh.login();
            context.runOnContext(v -> loggedIn(attempt, fresh));
        } catch (AuthenticationFailedException e) {
            loginFailed(attempt, fresh, "login rejected: " + e.getMessage());
        } catch (Exception e) {
            loginFailed(attempt, fresh, "login failed: " + describe(e));
        }
    }

    private void loginFailed(int attempt, ManagerConnection fresh, String detail) {
        close(fresh);
        context.runOnContext(v -> {
            if (attempt == generation && !stopped) {
                // The failed connection's DisconnectEvent may follow: it must not schedule a second retry.
                generation++;
                changeState(LinkState.DOWN, detail + retrying());
            }
        });
    }

    private void loggedIn(int attempt, ManagerConnection fresh) {
        if (attempt != generation || stopped) {
            close(fresh);
            return;
        }
        connection = fresh;
        failedAttempts = 0;
        heartbeatFailing = false;
        timers.add(vertx.setPeriodic(options.pingInterval().toMillis(), id -> ping(attempt)));
        timers.add(vertx.setPeriodic(1, options.heartbeatInterval().toMillis(), id -> heartbeat(attempt)));
        resync(attempt, fresh);
    }

    /** The PBX's channels now, asked on the current connection; completes on the caller's context. */
    private Future<List<LiveChannel>> listChannels() {
        ManagerConnection current = connection;
        if (current == null) {
            return Future.failedFuture(new TelephonyException(Code.LINK_DOWN,
                    "CoreShowChannels: the PBX link is down"));
        }
        return new ChannelSnapshot(io, vertx.getOrCreateContext(), options.actionTimeout()).take(current);
    }

    private void resync(int attempt, ManagerConnection fresh) {
        Set<String> believedLive = legs.liveUniqueids();
        new ChannelSnapshot(io, context, options.actionTimeout()).take(fresh)
                .onSuccess(channels -> resynced(attempt, believedLive, channels))
                .onFailure(e -> resyncFailed(attempt, fresh, e));
    }

    private void resyncFailed(int attempt, ManagerConnection fresh, Throwable failure) {
        if (attempt != generation) {
            return;
        }
        changeState(LinkState.DEGRADED, "logged in, but the resync failed: " + describe(failure)
                + "; retrying in " + options.pingInterval().toMillis() + " ms");
        vertx.setTimer(options.pingInterval().toMillis(), id -> {
            if (attempt == generation) {
                resync(attempt, fresh);
            }
        });
    }

    private void resynced(int attempt, Set<String> believedLive, List<LiveChannel> channels) {
        if (attempt != generation) {
            return;
        }
        changeState(LinkState.UP, "logged in; " + channels.size() + " live channels on the PBX");
        legs.reconcile(channels, believedLive, clock.instant(), options)
                .forEach(this::publish);
    }

    private void ping(int attempt) {
        sender.send(new PingAction(), options.pingTimeout())
                .onFailure(e -> {
                    // An Error reply still proves the peer alive; silence or a broken socket does not.
                    if (!(e instanceof TelephonyException failure) || failure.code() != Code.REJECTED) {
                        lost(attempt, "no reply to Ping within " + options.pingTimeout().toMillis() + " ms: "
                                + e.getMessage());
                    }
                });
    }

    private void heartbeat(int attempt) {
        String now = Long.toString(clock.instant().getEpochSecond());
        sender.send(new SetVarAction(Dialplan.HEARTBEAT, now), options.actionTimeout())
                .onComplete(done -> {
                    if (attempt != generation) {
                        return;
                    }
                    if (done.failed()) {
                        heartbeatFailing = true;
                        changeState(LinkState.DEGRADED, "the heartbeat could not be set: " + done.cause().getMessage());
                    } else if (heartbeatFailing) {
                        heartbeatFailing = false;
                        changeState(LinkState.UP, "the heartbeat is set again");
                    }
                });
    }

    private void lost(int attempt, String detail) {
        if (attempt != generation || stopped) {
            return;
        }
        generation++;
        cancelTimers();
        ManagerConnection last = connection;
        connection = null;
        changeState(LinkState.DOWN, detail + retrying());
        originates.failAll(new TelephonyException(Code.LINK_DOWN, options.pbx() + ": " + detail));
        // Logging off stops asterisk-java's own reconnect loop; this link reconnects with its backoff.
        close(last);
    }

    /** Schedules the next attempt and says when, for the link's detail. */
    private String retrying() {
        Duration delay = backoff.delay(failedAttempts++);
        reconnectTimer = vertx.setTimer(delay.toMillis(), id -> connect());
        return "; attempt " + failedAttempts + " failed, retrying in " + delay.toMillis() + " ms";
    }

    private void onEvent(int attempt, TelephonyEvent event) {
        if (attempt != generation) {
            return;
        }
        for (TelephonyEvent published : legs.accept(event)) {
            publish(published);
            if (published instanceof OriginateResult result) {
                originates.resolve(result);
            }
        }
    }

    private void changeState(LinkState state, String detail) {
        LinkHealth before = health;
        health = new LinkHealth(options.pbx(), state, detail, clock.instant(), legs.liveCount(),
                translated.sum(), ignored.sum());
        if (before.state() != state || !before.detail().equals(detail)) {
            LOG.info("AMI {}: {} ({})", options.pbx(), state, detail);
            publish(new PbxLinkChanged(options.pbx(), clock.instant(), state, detail));
        }
    }

    /** On the link's context only: also refreshes the counts in {@link #health()}. */
    private void publish(TelephonyEvent event) {
        vertx.eventBus().publish(TelephonyEvent.ADDRESS, event);
        LinkHealth now = health;
        health = new LinkHealth(now.pbx(), now.state(), now.detail(), now.since(), legs.liveCount(),
                translated.sum(), ignored.sum());
    }

    private void cancelTimers() {
        timers.forEach(vertx::cancelTimer);
        timers.clear();
    }

    private void execute(Runnable task) {
        try {
            io.execute(task);
        } catch (RejectedExecutionException e) {
            LOG.debug("AMI {}: the link is stopped, task dropped", options.pbx());
        }
    }

    /** Logs a connection off on the closer thread, or on a thread of its own once the link is stopped. */
    private void close(ManagerConnection old) {
        try {
            closer.execute(() -> logoffQuietly(old));
        } catch (RejectedExecutionException e) {
            Thread thread = new Thread(() -> logoffQuietly(old), "crisisline-ami-" + options.pbx() + "-late-close");
            thread.setDaemon(true);
            thread.start();
        }
    }

    private static void logoffQuietly(ManagerConnection old) {
        if (old == null) {
            return;
        }
        try {
            old.logoff();
        } catch (RuntimeException e) {
            // Not connected any more (IllegalStateException): nothing to log off from.
        }
    }

    private static ExecutorService daemonThread(String name) {
        return Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        });
    }

    private static String describe(Throwable e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
