package org.crisisline.telephony.sim;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetClientOptions;
import io.vertx.core.net.NetSocket;
import io.vertx.core.parsetools.RecordParser;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The simulated dialplan's {@code AGI(agi://host:port/triage?...)}: connects to the FastAGI server,
 * sends the captured-format environment, answers each command line through the call's
 * {@link AgiCommandHandler}, and writes the asynchronous {@code HANGUP} line when the caller hangs
 * up. The AGI has run when the server closes the socket; it has failed when the connection is
 * refused or it lasts longer than {@code agi-timeout} (the socket is then closed).
 *
 * <p>Threading: create and use it on the simulated PBX's context; socket callbacks run there.
 */
final class AgiClient implements AgiLauncher {
    private static final Logger LOG = LoggerFactory.getLogger(AgiClient.class);

    private final NetClient client;
    private final SimScheduler scheduler;
    private final SimulatedPbxOptions options;
    private long threadIds = 140_131_815_413_440L;
    private boolean unreachableLogged;

    AgiClient(Vertx vertx, SimScheduler scheduler, SimulatedPbxOptions options) {
        this.scheduler = scheduler;
        this.options = options;
        this.client = vertx.createNetClient(new NetClientOptions().setConnectTimeout(5000));
    }

    @Override
    public void launch(InboundCall call, AgiCommandHandler commands, Consumer<Boolean> finished) {
        Session session = new Session(commands, finished);
        session.timeout = scheduler.schedule(options.agiTimeout().toMillis(), session::timedOut);
        client.connect(options.agiPort(), options.agiHost())
                .onSuccess(session::connected)
                .onSuccess(ignored -> unreachableLogged = false)
                .onFailure(failure -> {
                    if (!unreachableLogged) {
                        unreachableLogged = true;
                        LOG.warn("simulated PBX: FastAGI {}:{} unreachable ({}); callers go to the fallback queue",
                                options.agiHost(), options.agiPort(), failure.getMessage());
                    }
                    session.finish(false);
                });
    }

    void close() {
        client.close();
    }

    /** One AGI conversation. */
    private final class Session {
        private final AgiCommandHandler commands;
        private final Consumer<Boolean> finished;
        private SimScheduler.Timer timeout;
        private NetSocket socket;
        private boolean done;
        private boolean hangupSent;

        Session(AgiCommandHandler commands, Consumer<Boolean> finished) {
            this.commands = commands;
            this.finished = finished;
        }

        void connected(NetSocket connected) {
            if (done) {
                connected.close();
                return;
            }
            socket = connected;
            InboundCall call = commands.call();
            socket.write(AgiEnvironment.of(call, options.agiHost(), options.agiPort(), threadIds++));
            call.onCallerGone(this::callerGone);
            RecordParser lines = RecordParser.newDelimited("\n", this::command);
            socket.handler(lines);
            socket.closeHandler(ignored -> finish(true));
            socket.exceptionHandler(failure -> {
                LOG.debug("simulated PBX: AGI socket failed: {}", failure.getMessage());
                socket.close();
            });
            if (call.inbound().isHungUp()) {
                callerGone();
            }
        }

        private void command(Buffer raw) {
            if (done) {
                return;
            }
            String line = raw.toString().replace("\r", "");
            if (line.isEmpty()) {
                return;
            }
            socket.write(commands.handle(line) + "\n");
            commands.afterReply();
        }

        private void callerGone() {
            if (!hangupSent && !done && socket != null) {
                hangupSent = true;
                socket.write("HANGUP\n");
            }
        }

        void timedOut() {
            if (!done && socket != null) {
                socket.close();
            }
            finish(false);
        }

        void finish(boolean ran) {
            if (done) {
                return;
            }
            done = true;
            timeout.cancel();
            finished.accept(ran);
        }
    }
}
