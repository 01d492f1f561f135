package org.crisisline.telephony.sim;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.function.Consumer;
import org.crisisline.telephony.wire.AmiMessage;

/**
 * The simulated PBX's channels, bridges and global variables, and the primitive things that happen
 * to them (a channel is created, changes state, enters an extension, dials, is bridged, hangs up).
 * Every primitive updates the state and emits the AMI event a real Asterisk 22 emits for it, in the
 * order it emits them, to one sink.
 *
 * <p>Pure and deterministic: time comes from the {@link SimScheduler}, randomness from a seeded
 * {@link Random}; no I/O. Not thread-safe: one owner thread (single writer).
 */
final class PbxModel {
    private final SimScheduler clock;
    private final ChannelIds ids;
    private final Consumer<AmiMessage> sink;
    private final boolean noise;
    private final Map<String, SimChannel> channels = new LinkedHashMap<>();
    private final Map<String, String> globals = new LinkedHashMap<>();
    private final Map<String, Long> globalsSetAt = new LinkedHashMap<>();

    /**
     * @param noise      also emit the events a queue does not need (DeviceStateChange, dialplan VarSets),
     *                   as a real unfiltered stream carries them
     * @param systemName asterisk.conf's {@code systemname}, prefixed to every Uniqueid; blank for none
     */
    PbxModel(SimScheduler clock, Random random, boolean noise, String systemName, Consumer<AmiMessage> sink) {
        this.clock = clock;
        this.ids = new ChannelIds(clock, random, systemName);
        this.noise = noise;
        this.sink = sink;
    }

    long now() {
        return clock.now();
    }

    ChannelIds ids() {
        return ids;
    }

    void emit(AmiMessage event) {
        sink.accept(event);
    }

    /** Emits only when noise is on. */
    void noise(AmiMessage event) {
        if (noise) {
            sink.accept(event);
        }
    }

    Optional<SimChannel> channel(String name) {
        return Optional.ofNullable(channels.get(name));
    }

    Collection<SimChannel> liveChannels() {
        return List.copyOf(channels.values());
    }

    int liveChannelCount() {
        return channels.size();
    }

    Optional<String> global(String variable) {
        return Optional.ofNullable(globals.get(variable));
    }

    /** When a global was last set, in simulated epoch milliseconds. */
    Optional<Long> globalSetAt(String variable) {
        return Optional.ofNullable(globalsSetAt.get(variable));
    }

    void setGlobal(String variable, String value) {
        globals.put(variable, value);
        globalsSetAt.put(variable, now());
        emit(AmiEvents.globalVarSet(variable, value));
    }

    /**
     * A Local channel pair as Asterisk creates it for {@code Local/<exten>@<context>}: Newchannel
     * for both halves, caller ID and connected line on both, LocalBridge. The {@code ;1} half starts
     * Down, the {@code ;2} half Ring. A null {@code linkedid} starts a new call (the {@code ;1}
     * Uniqueid); an empty {@code cidNum} is a withheld number.
     *
     * @return {@code [;1, ;2]}
     */
    SimChannel[] newLocalPair(String exten, String context, String linkedid, String cidNum, String cidName) {
        String base = ids.nextLocalName(exten, context);
        String oneId = ids.nextUniqueid();
        String link = linkedid == null ? oneId : linkedid;
        SimChannel one = add(new SimChannel(base + ";1", oneId, link, ChannelState.DOWN, context, exten, now()));
        SimChannel two = add(new SimChannel(base + ";2", ids.nextUniqueid(), link, ChannelState.RING, context,
                exten, now()));
        one.partner(two);
        two.partner(one);
        emit(AmiEvents.newchannel(one));
        emit(AmiEvents.newchannel(two));
        // A withheld number changes nothing: the snapshots keep <unknown> and no NewCallerid is sent.
        for (SimChannel half : cidNum.isEmpty() ? new SimChannel[0] : new SimChannel[] {one, two}) {
            half.callerId(cidNum, cidName);
            emit(AmiEvents.newCallerid(half));
            half.connectedLine(cidNum, cidName);
            emit(AmiEvents.newConnectedLine(half));
        }
        emit(AmiEvents.localBridge(one, two));
        noise(AmiEvents.deviceStateChange(device(one), "INUSE"));
        return new SimChannel[] {one, two};
    }

    /** A single channel such as {@code PJSIP/op1-0000000a}, created Down. */
    SimChannel newTechChannel(String tech, String endpoint, String context, String linkedid) {
        String uniqueid = ids.nextUniqueid();
        SimChannel channel = add(new SimChannel(ids.nextTechName(tech, endpoint), uniqueid,
                linkedid == null ? uniqueid : linkedid, ChannelState.DOWN, context, "s", now()));
        emit(AmiEvents.newchannel(channel));
        noise(AmiEvents.deviceStateChange(device(channel), "INUSE"));
        return channel;
    }

    /** The device a channel belongs to: its name without the {@code -<8 hex>[;n]} suffix. */
    static String device(SimChannel channel) {
        return channel.name().replaceFirst("-[0-9a-f]{8}(;[12])?$", "");
    }

    private SimChannel add(SimChannel channel) {
        channels.put(channel.name(), channel);
        return channel;
    }

    void setState(SimChannel channel, ChannelState state) {
        if (channel.state() != state && !channel.isHungUp()) {
            channel.state(state);
            emit(AmiEvents.newstate(channel));
        }
    }

    void connectedLine(SimChannel channel, String num, String name) {
        channel.connectedLine(num, name);
        emit(AmiEvents.newConnectedLine(channel));
    }

    void setVariable(SimChannel channel, String variable, String value) {
        channel.variable(variable, value);
        if (!channel.isHungUp()) {
            emit(AmiEvents.varSet(channel, variable, value));
        }
    }

    /** A dialplan-internal variable: stored always, its VarSet emitted only as noise. */
    void setNoiseVariable(SimChannel channel, String variable, String value) {
        channel.variable(variable, value);
        if (noise && !channel.isHungUp()) {
            emit(AmiEvents.varSet(channel, variable, value));
        }
    }

    /** The channel runs {@code application(data)} at {@code context,exten,priority}: Newexten. */
    void enter(SimChannel channel, String context, String exten, int priority, String application, String data) {
        channel.location(context, exten, priority);
        channel.application(application, data);
        emit(AmiEvents.newexten(channel));
    }

    void dtmf(SimChannel channel, char digit) {
        emit(AmiEvents.dtmfBegin(channel, digit));
        emit(AmiEvents.dtmfEnd(channel, digit));
    }

    SimBridge bridge(SimChannel first, SimChannel second) {
        SimBridge bridge = new SimBridge(ids.nextBridgeId());
        emit(AmiEvents.bridgeCreate(bridge));
        for (SimChannel member : new SimChannel[] {first, second}) {
            bridge.members().add(member);
            member.bridge(bridge);
            emit(AmiEvents.bridgeEnter(bridge, member));
        }
        setNoiseVariable(first, "BRIDGEPEER", second.name());
        setNoiseVariable(second, "BRIDGEPEER", first.name());
        return bridge;
    }

    /**
     * Hangs a channel up (SoftHangupRequest, Hangup with cause), after taking it out of its bridge;
     * the bridge is destroyed when its last member leaves. A Local partner is not touched: the
     * caller of this method decides what happens to it.
     */
    void hangup(SimChannel channel, int cause, boolean soft) {
        if (channel.isHungUp()) {
            return;
        }
        channel.takeBeforeHangupHandlers().forEach(Runnable::run);
        if (soft) {
            emit(AmiEvents.softHangupRequest(channel, cause));
        }
        leaveBridge(channel);
        channel.markHungUp();
        channels.remove(channel.name());
        emit(AmiEvents.hangup(channel, cause));
        if (!channel.name().endsWith(";2")) {
            noise(AmiEvents.deviceStateChange(device(channel), "NOT_INUSE"));
        }
        channel.takeHangupHandlers().forEach(Runnable::run);
    }

    /**
     * Ends a leg as Asterisk does when one channel of it hangs up: the channel, its Local partner
     * and everyone bridged with either of them (whose Dial or Queue then ends, and whose dialplan
     * hangs up too).
     */
    void hangupLeg(SimChannel channel, int cause) {
        if (channel.isHungUp()) {
            return;
        }
        SimChannel partner = channel.partner().filter(p -> !p.isHungUp()).orElse(null);
        emit(AmiEvents.softHangupRequest(channel, cause));
        List<SimChannel> peers = new ArrayList<>(bridgePeers(channel));
        if (partner != null) {
            hangupRequest(partner, cause);
            peers.addAll(bridgePeers(partner));
        }
        hangup(channel, cause, false);
        for (SimChannel peer : peers) {
            hangupLeg(peer, 16);
        }
        if (partner != null) {
            hangup(partner, cause, true);
        }
    }

    void hangupRequest(SimChannel channel, int cause) {
        if (!channel.isHungUp()) {
            emit(AmiEvents.hangupRequest(channel, cause));
        }
    }

    void leaveBridge(SimChannel channel) {
        channel.bridge().ifPresent(bridge -> {
            bridge.members().remove(channel);
            channel.bridge(null);
            emit(AmiEvents.bridgeLeave(bridge, channel));
            if (bridge.members().isEmpty()) {
                emit(AmiEvents.bridgeDestroy(bridge));
            }
        });
    }

    /** The channels in the same bridge as {@code channel}, without it. */
    List<SimChannel> bridgePeers(SimChannel channel) {
        List<SimChannel> peers = new ArrayList<>();
        channel.bridge().ifPresent(bridge -> bridge.members().stream().filter(m -> m != channel).forEach(peers::add));
        return peers;
    }
}
