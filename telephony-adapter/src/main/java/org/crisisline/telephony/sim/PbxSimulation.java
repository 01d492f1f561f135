package org.crisisline.telephony.sim;

import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.function.Consumer;
import org.crisisline.telephony.wire.AmiMessage;

/**
 * The whole simulated PBX without any I/O: channel model, dialplan, fallback queue, originate and
 * the arriving callers, wired together, with the operations AMI actions map onto. The Vert.x layer
 * ({@link SimulatedPbx}) puts sockets around it; a test or a load simulation drives it with a
 * {@link ManualScheduler} and an in-process {@link AgiLauncher}, and replays exactly for a seed.
 *
 * <p>Not thread-safe: one owner thread, which also runs the scheduler's tasks and the sink.
 */
public final class PbxSimulation {
    private final SimScheduler scheduler;
    private final SimulatedPbxOptions options;
    private final PbxModel model;
    private final Population population;
    private final SimDialplan dialplan;
    private final CallbackOriginator originator;
    private final CallerArrivals arrivals;
    private final long startedMillis;

    PbxSimulation(SimScheduler scheduler, SimulatedPbxOptions options, AgiLauncher agi, Consumer<AmiMessage> sink) {
        this.scheduler = scheduler;
        this.options = options;
        Random random = new Random(options.seed());
        this.model = new PbxModel(scheduler, random, options.noiseEvents(), options.systemName(), sink);
        this.population = new Population(options, random);
        EndpointDialer dialer = new EndpointDialer(model, scheduler);
        this.dialplan = new SimDialplan(model, scheduler, options, population, dialer, agi);
        this.originator = new CallbackOriginator(model, scheduler, dialer, population);
        this.arrivals = new CallerArrivals(scheduler, population, dialplan, options.lines());
        this.startedMillis = scheduler.now();
    }

    long startedMillis() {
        return startedMillis;
    }

    /** Calls that have arrived so far, by hand or by the arrivals. */
    long processedCalls() {
        return dialplan.arrivedCalls();
    }

    SimulatedPbxOptions options() {
        return options;
    }

    PbxModel model() {
        return model;
    }

    SimDialplan dialplan() {
        return dialplan;
    }

    long now() {
        return scheduler.now();
    }

    /** Starts the Poisson arrivals on every line with a rate above 0. */
    public void startArrivals() {
        arrivals.start();
    }

    public void stopArrivals() {
        arrivals.stop();
    }

    public long arrivedCallers() {
        return arrivals.arrived();
    }

    /** Places one call by hand on a line; returns the inbound ({@code ;2}) channel's name. */
    public String placeCall(String lineName, String scriptName) {
        return placeCall(lineName, scriptName, population.callerNumber());
    }

    /** Places one call by hand from {@code callerNumber} (e.g. the same caller calling again). */
    public String placeCall(String lineName, String scriptName, String callerNumber) {
        HelplineLine line = options.lines().stream().filter(l -> l.name().equals(lineName)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no line " + lineName));
        KeypadScript script = options.keypadScripts().stream().filter(s -> s.name().equals(scriptName))
                .findFirst().orElseThrow(() -> new IllegalArgumentException("no keypad script " + scriptName));
        return dialplan.arrive(line, script, callerNumber).inbound().name();
    }

    public int liveChannels() {
        return model.liveChannelCount();
    }

    /** A channel variable as the PBX holds it now (empty: no such channel, or not set). */
    public Optional<String> channelVariable(String channel, String variable) {
        return model.channel(channel).flatMap(c -> c.variable(variable));
    }

    public int fallbackQueueSize() {
        return dialplan.fallbackQueue().size();
    }

    boolean redirect(String channel, String context, String exten, int priority) {
        return dialplan.redirect(channel, context, exten, priority);
    }

    boolean hangup(String channel, int cause) {
        return dialplan.hangup(channel, cause);
    }

    void originate(OriginateRequest request) {
        originator.originate(request);
    }

    /** Setvar: a channel variable, or a global when {@code channel} is null. */
    boolean setVariable(String channel, String variable, String value) {
        if (channel == null) {
            model.setGlobal(variable, value);
            return true;
        }
        Optional<SimChannel> found = model.channel(channel);
        found.ifPresent(c -> model.setVariable(c, variable, value));
        return found.isPresent();
    }

    /** Getvar: empty if the channel does not exist; a present but empty value if the variable is unset. */
    Optional<String> getVariable(String channel, String variable) {
        if (channel == null) {
            return Optional.of(model.global(variable).orElse(""));
        }
        return model.channel(channel).map(c -> c.variable(variable).orElse(""));
    }

    List<AmiMessage> coreShowChannels(String actionId) {
        return model.liveChannels().stream()
                .map(c -> AmiEvents.coreShowChannel(c, actionId, scheduler.now()))
                .toList();
    }
}
