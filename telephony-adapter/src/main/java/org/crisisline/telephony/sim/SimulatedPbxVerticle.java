package org.crisisline.telephony.sim;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import java.util.function.Function;

/**
 * Runs the simulated PBX on one Vert.x context: the model, the AMI server, the FastAGI client and
 * the arriving callers all live on it, so the model has a single writer.
 */
final class SimulatedPbxVerticle extends VerticleBase {
    private final SimulatedPbxOptions options;
    private AmiServer server;
    private AgiClient agi;
    private PbxSimulation pbx;
    private int amiPort;

    SimulatedPbxVerticle(SimulatedPbxOptions options) {
        this.options = options;
    }

    @Override
    public Future<?> start() {
        SimScheduler scheduler = new VertxScheduler(vertx, System.currentTimeMillis(), options.timeScale());
        server = new AmiServer(vertx, options, scheduler);
        agi = new AgiClient(vertx, scheduler, options);
        pbx = new PbxSimulation(scheduler, options, agi, server::broadcast);
        server.actions(new AmiActions(pbx));
        return server.listen().onSuccess(port -> {
            amiPort = port;
            pbx.startArrivals();
        });
    }

    @Override
    public Future<?> stop() {
        pbx.stopArrivals();
        agi.close();
        return server.close();
    }

    int amiPort() {
        return amiPort;
    }

    /** Runs {@code work} on the PBX's context and returns its result. */
    <T> Future<T> onContext(Function<PbxSimulation, T> work) {
        return Future.future(promise -> context.runOnContext(ignored -> {
            try {
                promise.complete(work.apply(pbx));
            } catch (RuntimeException e) {
                promise.fail(e);
            }
        }));
    }
}
