package org.crisisline.telephony.sim;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.Optional;

/**
 * A simulated PBX for the demo and the load tests: an AMI server and a FastAGI client that behave
 * like the captured Asterisk 22 running the Crisisline dialplan, with simulated callers arriving
 * (Poisson, a weighted mix of keypad scripts), waiting, abandoning, talking and hanging up, and
 * simulated operatives, fallback agents and called-back people.
 *
 * <pre>{@code
 * SimulatedPbx.start(vertx, SimulatedPbxOptions.fromJson(config))
 *     .onSuccess(pbx -> log.info("AMI on port {}", pbx.amiPort()));
 * }</pre>
 *
 * <p>Threading: all methods may be called from any thread; the PBX itself runs on its own Vert.x
 * context (one verticle), so its state has a single writer.
 */
public final class SimulatedPbx {
    private final Vertx vertx;
    private final String deploymentId;
    private final SimulatedPbxVerticle verticle;

    private SimulatedPbx(Vertx vertx, String deploymentId, SimulatedPbxVerticle verticle) {
        this.vertx = vertx;
        this.deploymentId = deploymentId;
        this.verticle = verticle;
    }

    /** Binds the AMI port ({@code ami-port} 0 picks a free one) and starts the arrivals. */
    public static Future<SimulatedPbx> start(Vertx vertx, SimulatedPbxOptions options) {
        SimulatedPbxVerticle verticle = new SimulatedPbxVerticle(options);
        return vertx.deployVerticle(verticle).map(id -> new SimulatedPbx(vertx, id, verticle));
    }

    /** The port the AMI server listens on. */
    public int amiPort() {
        return verticle.amiPort();
    }

    /** Places one call by hand on a line with a named keypad script; completes with the inbound {@code ;2} channel. */
    public Future<String> placeCall(String line, String keypadScript) {
        return verticle.onContext(pbx -> pbx.placeCall(line, keypadScript));
    }

    /**
     * Places one call by hand from a given number (e.g. the same caller calling again); completes with the
     * inbound {@code ;2} channel.
     */
    public Future<String> placeCall(String line, String keypadScript, String callerNumber) {
        return verticle.onContext(pbx -> pbx.placeCall(line, keypadScript, callerNumber));
    }

    /** How many channels are up. */
    public Future<Integer> liveChannels() {
        return verticle.onContext(PbxSimulation::liveChannels);
    }

    /** A channel variable as the PBX holds it now (what a {@code Setvar} left); empty if unset or no such channel. */
    public Future<Optional<String>> channelVariable(String channel, String variable) {
        return verticle.onContext(pbx -> pbx.channelVariable(channel, variable));
    }

    /** How many callers wait in the fallback queue. */
    public Future<Integer> fallbackQueueSize() {
        return verticle.onContext(PbxSimulation::fallbackQueueSize);
    }

    /** Closes the AMI server and its clients and stops the arrivals. */
    public Future<Void> stop() {
        return vertx.undeploy(deploymentId);
    }
}
