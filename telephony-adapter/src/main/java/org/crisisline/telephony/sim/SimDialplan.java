package org.crisisline.telephony.sim;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The helpline dialplan of telephony-adapter/asterisk/README.md, simulated: {@code [crisisline-inbound]}
 * answers and runs the AGI, then routes on {@code TRIAGE_ROUTE}; {@code [crisisline-hold]} plays
 * music and checks the {@code CRISISLINE_HEARTBEAT} global every hold check, sending callers to the
 * fallback queue when it is stale; {@code crisisline-connect}, {@code -announce}, {@code -transfer}
 * and {@code -emergency} do what a Redirect there asks. Callers abandon when their patience runs
 * out and hang up when they have talked long enough.
 *
 * <p>Not thread-safe: the model's thread only.
 */
final class SimDialplan {
    static final String INBOUND = "crisisline-inbound";
    static final String HOLD = "crisisline-hold";
    static final String CONNECT = "crisisline-connect";
    static final String ANNOUNCE = "crisisline-announce";
    static final String TRANSFER = "crisisline-transfer";
    static final String EMERGENCY = "crisisline-emergency";
    static final String HEARTBEAT = "CRISISLINE_HEARTBEAT";
    static final String CALLER_NAME = "Sim Caller";

    private final PbxModel model;
    private final SimScheduler scheduler;
    private final SimulatedPbxOptions options;
    private final Population population;
    private final EndpointDialer dialer;
    private final FallbackQueue fallback;
    private final AgiLauncher agi;
    private final Map<String, InboundCall> callsByChannel = new HashMap<>();
    private long arrivedCalls;

    SimDialplan(PbxModel model, SimScheduler scheduler, SimulatedPbxOptions options, Population population,
                EndpointDialer dialer, AgiLauncher agi) {
        this.model = model;
        this.scheduler = scheduler;
        this.options = options;
        this.population = population;
        this.dialer = dialer;
        this.agi = agi;
        this.fallback = new FallbackQueue(model, scheduler, dialer, population, options.fallbackAgents(),
                this::talkThenHangUp);
    }

    FallbackQueue fallbackQueue() {
        return fallback;
    }

    Optional<InboundCall> call(String inboundChannel) {
        return Optional.ofNullable(callsByChannel.get(inboundChannel));
    }

    long arrivedCalls() {
        return arrivedCalls;
    }

    int activeCalls() {
        return callsByChannel.size();
    }

    /** A caller dials the line's number: the PSTN side rings the inbound channel, which answers and runs the AGI. */
    InboundCall arrive(HelplineLine line, KeypadScript script, String callerNumber) {
        SimChannel[] pair = model.newLocalPair(line.did(), INBOUND, null, callerNumber,
                callerNumber.isEmpty() ? "" : CALLER_NAME);
        InboundCall call = new InboundCall(line, script, pair[0], pair[1]);
        arrivedCalls++;
        SimChannel inbound = call.inbound();
        callsByChannel.put(inbound.name(), call);
        inbound.beforeHangup(() -> leaving(call));
        inbound.onHangup(() -> gone(call));
        model.emit(AmiEvents.dialBegin(null, call.phone(), line.did() + "@" + INBOUND));
        model.enter(inbound, INBOUND, line.did(), 1, "Set", "CRISISLINE_LINE=" + line.name());
        model.setVariable(inbound, "CRISISLINE_LINE", line.name());
        model.enter(inbound, INBOUND, line.did(), 2, "Answer", "");
        model.setState(inbound, ChannelState.UP);
        model.setState(call.phone(), ChannelState.UP);
        model.emit(AmiEvents.dialEnd(null, call.phone(), "ANSWER"));
        model.enter(inbound, INBOUND, line.did(), 3, "AGI", agiUrl(line) + "," + callerNumber + ",en");
        agi.launch(call, new AgiCommandHandler(call, model), ok -> agiFinished(call, ok));
        return call;
    }

    String agiUrl(HelplineLine line) {
        return "agi://" + options.agiHost() + ":" + options.agiPort() + "/triage?line=" + line.name();
    }

    /** After the AGI: route on TRIAGE_ROUTE as the contract says. */
    void agiFinished(InboundCall call, boolean success) {
        if (call.isOver() || call.stage() != InboundCall.Stage.IVR) {
            return;
        }
        SimChannel inbound = call.inbound();
        model.setNoiseVariable(inbound, "AGISTATUS", success ? "SUCCESS" : "FAILURE");
        String route = success ? inbound.variable("TRIAGE_ROUTE").orElse("") : "";
        String did = call.line().did();
        switch (route) {
            case "hold" -> hold(call);
            case "emergency" -> farEnd(call, EMERGENCY, options.emergencyNumber());
            case "callback" -> {
                call.stage(InboundCall.Stage.LEAVING);
                model.enter(inbound, INBOUND, did, 5, "Playback", "crisisline/callback-booked");
                call.stageTimer(scheduler.schedule(3000, () -> model.hangupLeg(inbound, 16)));
            }
            case "hangup" -> {
                call.stage(InboundCall.Stage.LEAVING);
                model.enter(inbound, INBOUND, did, 5, "Hangup", "");
                model.hangupLeg(inbound, 16);
            }
            default -> {
                model.enter(inbound, INBOUND, did, 6, "Queue", FallbackQueue.NAME);
                toFallback(call);
            }
        }
    }

    private void hold(InboundCall call) {
        call.stage(InboundCall.Stage.HOLD);
        startPatience(call);
        long check = options.holdCheck().toMillis();
        model.enter(call.inbound(), HOLD, "s", 1, "MusicOnHold", "default," + check / 1000);
        model.emit(AmiEvents.musicOnHoldStart(call.inbound()));
        call.stageTimer(scheduler.schedule(check, () -> heartbeatCheck(call)));
    }

    /** Between music spells the hold context checks Crisisline's heartbeat global. */
    private void heartbeatCheck(InboundCall call) {
        if (call.isOver() || call.stage() != InboundCall.Stage.HOLD) {
            return;
        }
        if (heartbeatIsStale()) {
            model.emit(AmiEvents.musicOnHoldStop(call.inbound()));
            call.stage(InboundCall.Stage.FALLBACK_QUEUE);
            model.enter(call.inbound(), HOLD, "s", 4, "Queue", FallbackQueue.NAME);
            toFallback(call);
        } else {
            call.stageTimer(scheduler.schedule(options.holdCheck().toMillis(), () -> heartbeatCheck(call)));
        }
    }

    /**
     * The real dialplan compares the global's value (epoch seconds) with {@code ${EPOCH}}; the
     * simulation measures the simulated time since Crisisline last set it, so that a time scale
     * above 1 does not make a wall-clock heartbeat look stale. Never set counts as stale.
     */
    boolean heartbeatIsStale() {
        return model.globalSetAt(HEARTBEAT)
                .map(setAt -> model.now() - setAt > options.heartbeatStale().toMillis())
                .orElse(true);
    }

    private void toFallback(InboundCall call) {
        call.stage(InboundCall.Stage.FALLBACK_QUEUE);
        startPatience(call);
        fallback.join(call);
    }

    private void startPatience(InboundCall call) {
        if (!call.hasPatienceTimer()) {
            call.patienceTimer(scheduler.schedule(population.patienceMillis(),
                    () -> model.hangupLeg(call.phone(), 16)));
        }
    }

    /** Bridged: the caller talks for a drawn time, then hangs up their phone. */
    void talkThenHangUp(InboundCall call) {
        call.dialFinished();
        call.stage(InboundCall.Stage.TALKING);
        call.stopPatience();
        call.stageTimer(scheduler.schedule(population.talkMillis(), () -> model.hangupLeg(call.phone(), 16)));
    }

    /**
     * AMI Redirect of a channel. Only inbound callers move through the helpline contexts; any other
     * live channel just shows the new extension.
     *
     * @return false if there is no such channel
     */
    boolean redirect(String channelName, String context, String exten, int priority) {
        Optional<SimChannel> found = model.channel(channelName);
        if (found.isEmpty()) {
            return false;
        }
        InboundCall call = callsByChannel.get(channelName);
        if (call == null) {
            model.enter(found.get(), context, exten, priority, "NoOp", "");
            return true;
        }
        boolean wasQueued = fallback.contains(call);
        leaveStage(call);
        switch (context) {
            case CONNECT -> connect(call, exten);
            case ANNOUNCE -> announce(call);
            case TRANSFER -> farEnd(call, TRANSFER, call.inbound().variable("CRISISLINE_TRANSFER_TO").orElse(exten));
            case EMERGENCY -> farEnd(call, EMERGENCY, options.emergencyNumber());
            case HOLD -> hold(call);
            default -> {
                call.stage(InboundCall.Stage.LEAVING);
                model.enter(call.inbound(), context, exten, priority, "Hangup", "");
                call.stageTimer(scheduler.schedule(1000, () -> model.hangupLeg(call.inbound(), 16)));
            }
        }
        if (wasQueued) {
            fallback.abandon(call);
        }
        return true;
    }

    /** What the channel's current application does when it is taken away. */
    private void leaveStage(InboundCall call) {
        SimChannel inbound = call.inbound();
        switch (call.stage()) {
            case HOLD, FALLBACK_QUEUE -> model.emit(AmiEvents.musicOnHoldStop(inbound));
            case TALKING, FAR_END -> {
                // Redirecting a bridged caller hangs up the other leg (fixtures README).
                var peers = model.bridgePeers(inbound);
                model.leaveBridge(inbound);
                peers.forEach(peer -> model.hangupLeg(peer, 16));
            }
            case IVR -> call.callerGone();
            default -> { }
        }
        call.stage(InboundCall.Stage.LEAVING);
    }

    /** {@code crisisline-connect,<endpoint>,1}: ring the operative; no answer returns the caller to hold. */
    private void connect(InboundCall call, String endpoint) {
        SimChannel inbound = call.inbound();
        long ring = options.ringTimeout().toMillis();
        call.stage(InboundCall.Stage.CONNECTING);
        startPatience(call);
        model.enter(inbound, CONNECT, endpoint, 1, "Dial", "PJSIP/" + endpoint + "," + ring / 1000);
        call.dial(dialer.dial(inbound, DialTarget.pjsip(endpoint, population.operative(endpoint)),
                inbound.linkedid(), inbound.callerIdNum(), inbound.callerIdName(), ring, result -> {
                    call.dialFinished();
                    if (result.isAnswered()) {
                        model.bridge(result.answered(), inbound);
                        talkThenHangUp(call);
                    } else if (!call.isOver()) {
                        model.setVariable(inbound, "TRIAGE_ROUTE", "hold");
                        hold(call);
                    }
                }));
    }

    /** {@code crisisline-announce,s,1}: say position and wait, then back to hold. */
    private void announce(InboundCall call) {
        call.stage(InboundCall.Stage.ANNOUNCE);
        SimChannel inbound = call.inbound();
        String data = "crisisline/position&digits/" + inbound.variable("CRISISLINE_POSITION").orElse("0");
        model.enter(inbound, ANNOUNCE, "s", 1, "Playback", data);
        call.stageTimer(scheduler.schedule(options.announceTime().toMillis(), () -> hold(call)));
    }

    /** A warm transfer or the emergency service: dial out to the far end and bridge. */
    private void farEnd(InboundCall call, String context, String number) {
        call.stage(InboundCall.Stage.FAR_END);
        call.stopPatience();
        SimChannel inbound = call.inbound();
        model.enter(inbound, context, "s", 1, "Dial", "Local/" + number + "@sim-far-end");
        call.dial(dialer.dial(inbound, DialTarget.local(number, "sim-far-end", false, population.farEnd()),
                inbound.linkedid(), inbound.callerIdNum(), inbound.callerIdName(), 60_000, result -> {
                    call.dialFinished();
                    if (result.isAnswered()) {
                        model.bridge(result.answered(), inbound);
                        talkThenHangUp(call);
                    } else if (!call.isOver()) {
                        model.hangupLeg(inbound, 16);
                    }
                }));
    }

    /** AMI Hangup: hang the channel up with the cause given. */
    boolean hangup(String channelName, int cause) {
        Optional<SimChannel> channel = model.channel(channelName);
        channel.ifPresent(c -> model.hangupLeg(c, cause));
        return channel.isPresent();
    }

    /** The inbound channel is about to hang up: its application stops first. */
    private void leaving(InboundCall call) {
        switch (call.stage()) {
            case HOLD -> model.emit(AmiEvents.musicOnHoldStop(call.inbound()));
            case FALLBACK_QUEUE -> {
                model.emit(AmiEvents.musicOnHoldStop(call.inbound()));
                fallback.abandon(call);
            }
            default -> { }
        }
        call.stopPatience();
        call.stage(InboundCall.Stage.ENDED);
    }

    private void gone(InboundCall call) {
        callsByChannel.remove(call.inbound().name());
        call.callerGone();
    }
}
