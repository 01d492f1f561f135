package org.crisisline.telephony.sim;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.net.NetServer;
import io.vertx.core.net.NetServerOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.crisisline.telephony.wire.AmiMessage;

/**
 * The simulated PBX's AMI port: accepts any number of clients, each an {@link AmiSession}, and
 * hands every event of the PBX to all of them.
 *
 * <p>Threading: create, listen and broadcast on the simulated PBX's context; connections are
 * handled there too.
 */
final class AmiServer {
    private final Vertx vertx;
    private final SimulatedPbxOptions options;
    private final SimScheduler scheduler;
    private final Random random;
    private final long startedMillis;
    private final List<AmiSession> sessions = new ArrayList<>();
    private AmiActions actions;
    private NetServer server;

    AmiServer(Vertx vertx, SimulatedPbxOptions options, SimScheduler scheduler) {
        this.vertx = vertx;
        this.options = options;
        this.scheduler = scheduler;
        this.random = new Random(options.seed() ^ 0x5eed);
        this.startedMillis = scheduler.now();
    }

    void actions(AmiActions handler) {
        this.actions = handler;
    }

    Future<Integer> listen() {
        server = vertx.createNetServer(new NetServerOptions().setHost(options.amiHost()).setPort(options.amiPort()));
        server.connectHandler(socket -> {
            AmiSession session = new AmiSession(socket, this, random);
            sessions.add(session);
            session.start();
        });
        return server.listen().map(NetServer::actualPort);
    }

    void broadcast(AmiMessage event) {
        for (AmiSession session : List.copyOf(sessions)) {
            session.deliver(event);
        }
    }

    Future<Void> close() {
        List.copyOf(sessions).forEach(AmiSession::close);
        return server == null ? Future.succeededFuture() : server.close();
    }

    void remove(AmiSession session) {
        sessions.remove(session);
    }

    AmiActions actions() {
        return actions;
    }

    SimulatedPbxOptions options() {
        return options;
    }

    SimScheduler scheduler() {
        return scheduler;
    }

    Random random() {
        return random;
    }

    long uptimeSeconds() {
        return (scheduler.now() - startedMillis) / 1000;
    }
}
