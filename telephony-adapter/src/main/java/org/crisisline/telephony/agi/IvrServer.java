package org.crisisline.telephony.agi;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.util.Objects;
import org.asteriskjava.fastagi.AgiServerThread;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The FastAGI server Asterisk calls for the IVR: {@code AGI(agi://host:port/triage?line=<line>,
 * <caller number>,<language>)} runs the triage IVR (see {@code telephony-adapter/asterisk/README.md});
 * any other script name gets a warning and no {@code TRIAGE_ROUTE}, so the dialplan falls back to
 * Asterisk's queue.
 *
 * <p>Threading: built on asterisk-java's FastAGI server, which accepts on its own thread and runs each
 * call on a pool thread (blocking on the socket and on {@link IvrQueue} replies). {@link #start()} and
 * {@link #stop()} do their blocking work on a Vert.x worker and may be called from an event loop.
 * Stopping closes the listening socket; calls already in the IVR finish on their threads.
 */
public final class IvrServer {
    private static final Logger log = LoggerFactory.getLogger(IvrServer.class);

    private final Vertx vertx;
    private final IvrServerOptions options;
    private final TriageScripts scripts;
    private volatile IvrAgiServer server;
    private volatile AgiServerThread thread;
    private volatile int port = -1;

    private IvrServer(Vertx vertx, IvrServerOptions options, IvrQueue queue, Clock clock) {
        this.vertx = Objects.requireNonNull(vertx, "vertx");
        this.options = Objects.requireNonNull(options, "options");
        this.scripts = new TriageScripts(new IvrScript(options.ivr(), queue, clock));
    }

    /** A server asking {@code queue}, with time from {@code clock}; nothing listens until {@link #start()}. */
    public static IvrServer create(Vertx vertx, IvrServerOptions options, IvrQueue queue, Clock clock) {
        return new IvrServer(vertx, options, Objects.requireNonNull(queue, "queue"),
                Objects.requireNonNull(clock, "clock"));
    }

    /** A server asking Crisisline's queue over the event bus, waiting at most the IVR's {@code queue-timeout}. */
    public static IvrServer create(Vertx vertx, IvrServerOptions options) {
        return create(vertx, options, IvrQueue.overEventBus(vertx, options.ivr().queueTimeout()), Clock.systemUTC());
    }

    /** Binds and starts accepting; completes with the bound port, or fails when the port cannot be bound. */
    public Future<Integer> start() {
        return vertx.executeBlocking(() -> {
            synchronized (this) {
                if (server != null) {
                    throw new IllegalStateException("the IVR server is started already");
                }
                BoundServerSocket socket = new BoundServerSocket(options);
                IvrAgiServer started = new IvrAgiServer(scripts, socket, options);
                AgiServerThread accepting = new AgiServerThread(started);
                accepting.setDaemon(true);
                accepting.startup();
                server = started;
                thread = accepting;
                port = socket.port();
                log.info("IVR listening for FastAGI on {}:{}", options.host(), port);
                return port;
            }
        });
    }

    /** Stops accepting; calls in progress go on to their end. Completes when the socket is closed. */
    public Future<Void> stop() {
        return vertx.executeBlocking(() -> {
            synchronized (this) {
                if (thread != null) {
                    thread.shutdown();
                    log.info("IVR stopped listening on port {}", port);
                }
                thread = null;
                server = null;
                port = -1;
                return null;
            }
        });
    }

    /** The bound port, or -1 when not started. */
    public int port() {
        return port;
    }

    /** FastAGI sessions on the pool now (callers in the IVR, or peers still sending their environment). */
    public int activeSessions() {
        IvrAgiServer current = server;
        return current == null ? 0 : current.activeSessions();
    }
}
