package org.crisisline.telephony.sim;

import java.util.Map;
import org.crisisline.telephony.wire.AmiMessage;

/**
 * Builds the AMI events of the simulated PBX with exactly the header names, order and
 * {@code Privilege} values of the Asterisk 22.10.1 captures (shared/fixtures/asterisk). A channel
 * snapshot is the 14 fields {@code Channel} .. {@code Linkedid}; dial and agent events repeat them
 * with the prefix {@code Dest}, LocalBridge with {@code LocalOne}/{@code LocalTwo}.
 *
 * <p>Stateless and thread-safe.
 */
final class AmiEvents {
    private static final String CALL = "call,all";
    private static final String DIALPLAN = "dialplan,all";
    private static final String AGENT = "agent,all";
    private static final String BRIDGE_TYPE = "basic";
    private static final Map<Integer, String> CAUSES = Map.of(
            0, "Unknown",
            1, "Unallocated (unassigned) number",
            16, "Normal Clearing",
            17, "User busy",
            18, "No user responding",
            19, "User alerting, no answer",
            21, "Call Rejected",
            34, "Circuit/channel congestion");

    private AmiEvents() {
    }

    static String causeText(int cause) {
        return CAUSES.getOrDefault(cause, "Unknown");
    }

    static AmiMessage.Builder channelEvent(String event, String privilege, SimChannel channel) {
        return snapshot(AmiMessage.event(event).add("Privilege", privilege), "", channel);
    }

    static AmiMessage.Builder snapshot(AmiMessage.Builder b, String prefix, SimChannel c) {
        return b.add(prefix + "Channel", c.name())
                .add(prefix + "ChannelState", Integer.toString(c.state().code()))
                .add(prefix + "ChannelStateDesc", c.state().description())
                .add(prefix + "CallerIDNum", c.callerIdNum())
                .add(prefix + "CallerIDName", c.callerIdName())
                .add(prefix + "ConnectedLineNum", c.connectedLineNum())
                .add(prefix + "ConnectedLineName", c.connectedLineName())
                .add(prefix + "Language", "en")
                .add(prefix + "AccountCode", "")
                .add(prefix + "Context", c.context())
                .add(prefix + "Exten", c.exten())
                .add(prefix + "Priority", Integer.toString(c.priority()))
                .add(prefix + "Uniqueid", c.uniqueid())
                .add(prefix + "Linkedid", c.linkedid());
    }

    static AmiMessage newchannel(SimChannel c) {
        return channelEvent("Newchannel", CALL, c).build();
    }

    static AmiMessage newstate(SimChannel c) {
        return channelEvent("Newstate", CALL, c).build();
    }

    static AmiMessage newCallerid(SimChannel c) {
        return channelEvent("NewCallerid", CALL, c)
                .add("CID-CallingPres", "0 (Presentation Allowed, Not Screened)").build();
    }

    static AmiMessage newConnectedLine(SimChannel c) {
        return channelEvent("NewConnectedLine", CALL, c).build();
    }

    static AmiMessage localBridge(SimChannel one, SimChannel two) {
        AmiMessage.Builder b = AmiMessage.event("LocalBridge").add("Privilege", CALL);
        snapshot(b, "LocalOne", one);
        snapshot(b, "LocalTwo", two);
        return b.add("Context", two.context()).add("Exten", two.exten()).add("LocalOptimization", "Yes").build();
    }

    static AmiMessage newexten(SimChannel c) {
        return channelEvent("Newexten", DIALPLAN, c)
                .add("Extension", c.exten())
                .add("Application", c.application())
                .add("AppData", c.applicationData()).build();
    }

    static AmiMessage varSet(SimChannel c, String variable, String value) {
        return channelEvent("VarSet", DIALPLAN, c).add("Variable", variable).add("Value", value).build();
    }

    /** A global variable: Asterisk sends no channel snapshot. */
    static AmiMessage globalVarSet(String variable, String value) {
        return AmiMessage.event("VarSet").add("Privilege", DIALPLAN)
                .add("Variable", variable).add("Value", value).build();
    }

    static AmiMessage dtmfBegin(SimChannel c, char digit) {
        return channelEvent("DTMFBegin", "dtmf,all", c)
                .add("Digit", String.valueOf(digit)).add("Direction", "Received").build();
    }

    static AmiMessage dtmfEnd(SimChannel c, char digit) {
        return channelEvent("DTMFEnd", "dtmf,all", c)
                .add("Digit", String.valueOf(digit)).add("DurationMs", "100").add("Direction", "Received").build();
    }

    /** DialBegin, DialState or DialEnd; {@code caller} is null for an originated dial (no calling channel). */
    private static AmiMessage.Builder dial(String event, SimChannel caller, SimChannel dest) {
        AmiMessage.Builder b = caller == null
                ? AmiMessage.event(event).add("Privilege", CALL)
                : channelEvent(event, CALL, caller);
        return snapshot(b, "Dest", dest);
    }

    static AmiMessage dialBegin(SimChannel caller, SimChannel dest, String dialString) {
        return dial("DialBegin", caller, dest).add("DialString", dialString).build();
    }

    static AmiMessage dialState(SimChannel caller, SimChannel dest, String status) {
        return dial("DialState", caller, dest).add("DialStatus", status).build();
    }

    static AmiMessage dialEnd(SimChannel caller, SimChannel dest, String status) {
        return dial("DialEnd", caller, dest).add("DialStatus", status).build();
    }

    private static AmiMessage.Builder bridge(String event, SimBridge bridge) {
        return AmiMessage.event(event).add("Privilege", CALL)
                .add("BridgeUniqueid", bridge.uniqueid())
                .add("BridgeType", BRIDGE_TYPE)
                .add("BridgeTechnology", "simple_bridge")
                .add("BridgeCreator", SimChannel.UNKNOWN)
                .add("BridgeName", SimChannel.UNKNOWN)
                .add("BridgeNumChannels", Integer.toString(bridge.members().size()))
                .add("BridgeVideoSourceMode", "none");
    }

    static AmiMessage bridgeCreate(SimBridge b) {
        return bridge("BridgeCreate", b).build();
    }

    static AmiMessage bridgeDestroy(SimBridge b) {
        return bridge("BridgeDestroy", b).build();
    }

    static AmiMessage bridgeEnter(SimBridge b, SimChannel c) {
        return snapshot(bridge("BridgeEnter", b), "", c).build();
    }

    static AmiMessage bridgeLeave(SimBridge b, SimChannel c) {
        return snapshot(bridge("BridgeLeave", b), "", c).build();
    }

    static AmiMessage softHangupRequest(SimChannel c, int cause) {
        return channelEvent("SoftHangupRequest", CALL, c).add("Cause", Integer.toString(cause)).build();
    }

    static AmiMessage hangupRequest(SimChannel c, int cause) {
        return channelEvent("HangupRequest", CALL, c).add("Cause", Integer.toString(cause)).build();
    }

    static AmiMessage hangup(SimChannel c, int cause) {
        return channelEvent("Hangup", CALL, c)
                .add("Cause", Integer.toString(cause)).add("Cause-txt", causeText(cause)).build();
    }

    static AmiMessage musicOnHoldStart(SimChannel c) {
        return channelEvent("MusicOnHoldStart", CALL, c).add("Class", "default").build();
    }

    static AmiMessage musicOnHoldStop(SimChannel c) {
        return channelEvent("MusicOnHoldStop", CALL, c).build();
    }

    static AmiMessage deviceStateChange(String device, String state) {
        return AmiMessage.event("DeviceStateChange").add("Privilege", CALL)
                .add("Device", device).add("State", state).build();
    }

    /** Success: the real channel and Uniqueid; failure: the dial string as sent and {@code <unknown>}. */
    static AmiMessage originateResponse(String actionId, boolean success, String channel, String context,
                                        String exten, int reason, String uniqueid, String cidNum, String cidName) {
        AmiMessage.Builder b = AmiMessage.event("OriginateResponse").add("Privilege", CALL);
        if (actionId != null) {
            b.add("ActionID", actionId);
        }
        return b.add("Response", success ? "Success" : "Failure")
                .add("Channel", channel)
                .add("Context", context)
                .add("Exten", exten)
                .add("Reason", Integer.toString(reason))
                .add("Uniqueid", uniqueid)
                .add("CallerIDNum", cidNum)
                .add("CallerIDName", cidName).build();
    }

    static AmiMessage queueCallerJoin(SimChannel c, String queue, int position, int count) {
        return channelEvent("QueueCallerJoin", AGENT, c).add("Queue", queue)
                .add("Position", Integer.toString(position)).add("Count", Integer.toString(count)).build();
    }

    static AmiMessage queueCallerLeave(SimChannel c, String queue, int position, int count) {
        return channelEvent("QueueCallerLeave", AGENT, c).add("Queue", queue)
                .add("Position", Integer.toString(position)).add("Count", Integer.toString(count)).build();
    }

    static AmiMessage queueCallerAbandon(SimChannel c, String queue, int position, int originalPosition,
                                         long holdSeconds) {
        return channelEvent("QueueCallerAbandon", AGENT, c).add("Queue", queue)
                .add("Position", Integer.toString(position))
                .add("OriginalPosition", Integer.toString(originalPosition))
                .add("HoldTime", Long.toString(holdSeconds)).build();
    }

    private static AmiMessage.Builder agent(String event, SimChannel caller, SimChannel member, String queue,
                                            String iface) {
        return snapshot(channelEvent(event, AGENT, caller), "Dest", member)
                .add("Queue", queue).add("Interface", iface).add("MemberName", iface);
    }

    static AmiMessage agentCalled(SimChannel caller, SimChannel member, String queue, String iface) {
        return agent("AgentCalled", caller, member, queue, iface).build();
    }

    static AmiMessage agentConnect(SimChannel caller, SimChannel member, String queue, String iface,
                                   long holdSeconds, long ringSeconds) {
        return agent("AgentConnect", caller, member, queue, iface)
                .add("HoldTime", Long.toString(holdSeconds)).add("RingTime", Long.toString(ringSeconds)).build();
    }

    static AmiMessage agentComplete(SimChannel caller, SimChannel member, String queue, String iface,
                                    long holdSeconds, long talkSeconds) {
        return agent("AgentComplete", caller, member, queue, iface)
                .add("HoldTime", Long.toString(holdSeconds)).add("TalkTime", Long.toString(talkSeconds))
                .add("Reason", "caller").build();
    }

    static AmiMessage agiExecStart(SimChannel c, String commandId, String command) {
        return channelEvent("AGIExecStart", "agi,all", c).add("CommandId", commandId).add("Command", command).build();
    }

    static AmiMessage agiExecEnd(SimChannel c, String commandId, String command, int resultCode, String result) {
        return channelEvent("AGIExecEnd", "agi,all", c).add("CommandId", commandId).add("Command", command)
                .add("ResultCode", Integer.toString(resultCode)).add("Result", result).build();
    }

    /** One item of a CoreShowChannels list (field names after asterisk-java's CoreShowChannelEvent). */
    static AmiMessage coreShowChannel(SimChannel c, String actionId, long nowMillis) {
        AmiMessage.Builder b = AmiMessage.event("CoreShowChannel");
        if (actionId != null) {
            b.add("ActionID", actionId);
        }
        snapshot(b, "", c);
        long seconds = Math.max(0, (nowMillis - c.createdMillis()) / 1000);
        return b.add("BridgeId", c.bridge().map(SimBridge::uniqueid).orElse(""))
                .add("Application", c.application())
                .add("ApplicationData", c.applicationData())
                .add("Duration", String.format("%02d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60))
                .build();
    }
}
