package org.crisisline.telephony.sim;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One live channel of the simulated PBX: what a channel snapshot on an AMI event shows, its channel
 * variables, its Local partner ({@code ;1}/{@code ;2}) and the bridge it is in.
 *
 * <p>Mutable; owned and changed only by {@link PbxModel} on the model's thread.
 */
final class SimChannel {
    static final String UNKNOWN = "<unknown>";

    private final String name;
    private final String uniqueid;
    private final String linkedid;
    private final long createdMillis;
    private final Map<String, String> variables = new LinkedHashMap<>();
    private ChannelState state;
    private String callerIdNum = UNKNOWN;
    private String callerIdName = UNKNOWN;
    private String connectedLineNum = UNKNOWN;
    private String connectedLineName = UNKNOWN;
    private String context;
    private String exten;
    private int priority = 1;
    private String application = "";
    private String applicationData = "";
    private SimChannel partner;
    private SimBridge bridge;
    private boolean hungUp;
    private final List<Runnable> hangupHandlers = new ArrayList<>();
    private final List<Runnable> beforeHangupHandlers = new ArrayList<>();

    SimChannel(String name, String uniqueid, String linkedid, ChannelState state, String context,
               String exten, long createdMillis) {
        this.name = name;
        this.uniqueid = uniqueid;
        this.linkedid = linkedid;
        this.state = state;
        this.context = context;
        this.exten = exten;
        this.createdMillis = createdMillis;
    }

    String name() {
        return name;
    }

    String uniqueid() {
        return uniqueid;
    }

    String linkedid() {
        return linkedid;
    }

    long createdMillis() {
        return createdMillis;
    }

    ChannelState state() {
        return state;
    }

    void state(ChannelState newState) {
        this.state = newState;
    }

    String callerIdNum() {
        return callerIdNum;
    }

    String callerIdName() {
        return callerIdName;
    }

    void callerId(String num, String callerName) {
        this.callerIdNum = num;
        this.callerIdName = callerName;
    }

    String connectedLineNum() {
        return connectedLineNum;
    }

    String connectedLineName() {
        return connectedLineName;
    }

    void connectedLine(String num, String lineName) {
        this.connectedLineNum = num;
        this.connectedLineName = lineName;
    }

    String context() {
        return context;
    }

    String exten() {
        return exten;
    }

    int priority() {
        return priority;
    }

    void location(String newContext, String newExten, int newPriority) {
        this.context = newContext;
        this.exten = newExten;
        this.priority = newPriority;
    }

    String application() {
        return application;
    }

    String applicationData() {
        return applicationData;
    }

    void application(String app, String data) {
        this.application = app;
        this.applicationData = data;
    }

    Optional<String> variable(String variable) {
        return Optional.ofNullable(variables.get(variable));
    }

    void variable(String variable, String value) {
        variables.put(variable, value);
    }

    Optional<SimChannel> partner() {
        return Optional.ofNullable(partner);
    }

    void partner(SimChannel other) {
        this.partner = other;
    }

    Optional<SimBridge> bridge() {
        return Optional.ofNullable(bridge);
    }

    void bridge(SimBridge newBridge) {
        this.bridge = newBridge;
    }

    boolean isHungUp() {
        return hungUp;
    }

    void markHungUp() {
        this.hungUp = true;
    }

    /** Runs once, after this channel's Hangup event. */
    void onHangup(Runnable handler) {
        hangupHandlers.add(handler);
    }

    /** Runs once, when this channel is about to hang up (what its application does on the way out). */
    void beforeHangup(Runnable handler) {
        beforeHangupHandlers.add(handler);
    }

    List<Runnable> takeBeforeHangupHandlers() {
        List<Runnable> handlers = List.copyOf(beforeHangupHandlers);
        beforeHangupHandlers.clear();
        return handlers;
    }

    List<Runnable> takeHangupHandlers() {
        List<Runnable> handlers = List.copyOf(hangupHandlers);
        hangupHandlers.clear();
        return handlers;
    }

    @Override
    public String toString() {
        return name;
    }
}
