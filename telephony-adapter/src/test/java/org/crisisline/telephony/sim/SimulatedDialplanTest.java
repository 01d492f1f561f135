package org.crisisline.telephony.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import org.crisisline.telephony.wire.AmiMessage;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The simulated dialplan on a hand-advanced clock")
class SimulatedDialplanTest {
    private static final JsonObject NO_ARRIVALS = new JsonObject();

    @Test
    void aHeldCallerRedirectedToAnOperativeIsBridgedAndHangsUpAfterTalking() {
        SimHarness sim = new SimHarness(NO_ARRIVALS);
        sim.heartbeat();
        String inbound = sim.pbx.placeCall("crisis", "no-danger-keep-waiting");

        assertThat(sim.first("VarSet", "Variable", "TRIAGE_ROUTE")).get()
                .satisfies(e -> assertThat(e.get("Value")).hasValue("hold"));
        assertThat(sim.first("MusicOnHoldStart", "Channel", inbound)).isPresent();
        assertThat(sim.first("DTMFEnd", "Digit", "2")).isPresent();

        assertThat(sim.pbx.redirect(inbound, "crisisline-connect", "op1", 1)).isTrue();
        sim.advance(Duration.ofSeconds(2));
        AmiMessage dialEnd = sim.first("DialEnd", "Channel", inbound).orElseThrow();
        assertThat(dialEnd.get("DialStatus")).hasValue("ANSWER");
        assertThat(dialEnd.get("DestChannel").orElseThrow()).startsWith("PJSIP/op1-");
        assertThat(sim.named("BridgeEnter")).hasSize(2);

        sim.advance(Duration.ofSeconds(10));
        assertThat(sim.named("Hangup")).extracting(e -> e.get("Cause").orElseThrow()).containsOnly("16");
        assertThat(sim.named("Hangup")).hasSize(3);
        assertThat(sim.named("BridgeDestroy")).hasSize(1);
        assertThat(sim.pbx.liveChannels()).isZero();

        String linkedid = sim.named("Newchannel").get(0).get("Uniqueid").orElseThrow();
        assertThat(sim.named("Newchannel")).allSatisfy(e -> assertThat(e.get("Linkedid")).hasValue(linkedid));
    }

    @Test
    void aStaleHeartbeatSendsHeldCallersToTheFallbackQueueWhereAnAgentAnswers() {
        SimHarness sim = new SimHarness(NO_ARRIVALS);
        sim.heartbeat();
        String inbound = sim.pbx.placeCall("crisis", "no-danger-keep-waiting");

        sim.advance(Duration.ofSeconds(20));
        assertThat(sim.named("QueueCallerJoin")).isEmpty();
        sim.advance(Duration.ofSeconds(20));
        assertThat(sim.first("QueueCallerJoin", "Channel", inbound)).get()
                .satisfies(e -> assertThat(e.get("Queue")).hasValue("crisisline-fallback"));
        sim.advance(Duration.ofSeconds(4));
        assertThat(sim.named("AgentConnect")).hasSize(1);
        assertThat(sim.named("QueueCallerLeave")).hasSize(1);
        sim.advance(Duration.ofSeconds(10));
        assertThat(sim.named("AgentComplete")).hasSize(1);
        assertThat(sim.pbx.liveChannels()).isZero();
    }

    @Test
    void aCallerWhosePatienceRunsOutAbandonsTheFallbackQueue() {
        SimHarness sim = new SimHarness(new JsonObject().put("fallback-agents", 0).put("caller-patience", "6s"));
        String inbound = sim.pbx.placeCall("crisis", "silent");

        assertThat(sim.first("QueueCallerJoin", "Channel", inbound)).isPresent();
        sim.advance(Duration.ofSeconds(7));
        assertThat(sim.first("QueueCallerAbandon", "Channel", inbound)).get()
                .satisfies(e -> assertThat(e.get("HoldTime")).hasValue("6"));
        assertThat(sim.names()).containsSubsequence("SoftHangupRequest", "HangupRequest", "Hangup",
                "MusicOnHoldStop", "QueueCallerAbandon", "QueueCallerLeave", "SoftHangupRequest", "Hangup");
        assertThat(sim.pbx.liveChannels()).isZero();
    }

    @Test
    void aCallerWhoHangsUpInTheIvrGetsMinusOneAndTheChannelIsDead() {
        SimHarness sim = new SimHarness(NO_ARRIVALS);
        sim.pbx.placeCall("crisis", "hangs-up-in-ivr");

        assertThat(sim.agi.transcript).containsSequence("> GET DATA hello 5000 1", "< 200 result=-1");
        assertThat(sim.agi.transcript).contains(
                "< 511 Command Not Permitted on a dead channel or intercept routine");
        assertThat(sim.pbx.liveChannels()).isZero();
    }

    @Test
    void redirectingAQueuedCallerGivesAbandonThenLeave() {
        SimHarness sim = new SimHarness(new JsonObject().put("fallback-agents", 0));
        String inbound = sim.pbx.placeCall("crisis", "silent");
        sim.advance(Duration.ofSeconds(2));

        sim.pbx.redirect(inbound, "crisisline-announce", "s", 1);
        assertThat(sim.names()).containsSubsequence("QueueCallerJoin", "MusicOnHoldStop", "Newexten",
                "QueueCallerAbandon", "QueueCallerLeave");
        sim.advance(Duration.ofSeconds(7));
        assertThat(sim.first("Newexten", "Context", "crisisline-hold")).isPresent();
    }

    @Test
    void aCallerInDangerGoesStraightToTheEmergencyServiceAndIsBridged() {
        SimHarness sim = new SimHarness(NO_ARRIVALS);
        String inbound = sim.pbx.placeCall("crisis", "danger-now");
        assertThat(sim.first("Newexten", "Context", "crisisline-emergency")).isPresent();
        sim.advance(Duration.ofSeconds(5));
        assertThat(sim.first("DialEnd", "Channel", inbound)).get()
                .satisfies(e -> assertThat(e.get("DestChannel").orElseThrow()).startsWith("Local/999@sim-far-end-"));
        assertThat(sim.named("BridgeEnter")).hasSize(2);
    }

    @Test
    void aWarmTransferDialsTheNumberSetOnTheChannel() {
        SimHarness sim = new SimHarness(NO_ARRIVALS);
        sim.heartbeat();
        String inbound = sim.pbx.placeCall("crisis", "no-danger-keep-waiting");
        sim.pbx.setVariable(inbound, "CRISISLINE_TRANSFER_TO", "01234567890");
        sim.pbx.redirect(inbound, "crisisline-transfer", "s", 1);
        sim.advance(Duration.ofSeconds(5));
        assertThat(sim.first("DialBegin", "Channel", inbound)).get()
                .satisfies(e -> assertThat(e.get("DialString")).hasValue("01234567890@sim-far-end"));
        assertThat(sim.first("MusicOnHoldStop", "Channel", inbound)).isPresent();
    }

    @Test
    void aCallbackCallerIsThankedAndHungUp() {
        SimHarness sim = new SimHarness(new JsonObject().put("keypad-scripts", new JsonArray()
                .add(new JsonObject().put("name", "takes-callback").put("answers", new JsonArray().add("1").add("2").add("1")))));
        sim.pbx.placeCall("crisis", "takes-callback");
        assertThat(sim.first("VarSet", "Variable", "TRIAGE_ROUTE")).get()
                .satisfies(e -> assertThat(e.get("Value")).hasValue("callback"));
        sim.advance(Duration.ofSeconds(4));
        assertThat(sim.pbx.liveChannels()).isZero();
        assertThat(sim.named("QueueCallerJoin")).isEmpty();
    }

    @Test
    void anOperativeWhoDoesNotAnswerSendsTheCallerBackToHold() {
        SimHarness sim = new SimHarness(new JsonObject().put("operative-no-answer-probability", 1.0));
        sim.heartbeat();
        String inbound = sim.pbx.placeCall("crisis", "no-danger-keep-waiting");
        sim.pbx.redirect(inbound, "crisisline-connect", "op2", 1);
        sim.advance(Duration.ofSeconds(21));
        assertThat(sim.first("DialEnd", "Channel", inbound)).get()
                .satisfies(e -> assertThat(e.get("DialStatus")).hasValue("NOANSWER"));
        assertThat(sim.named("MusicOnHoldStart")).hasSize(2);
        assertThat(sim.pbx.liveChannels()).isEqualTo(2);
    }

    @Test
    void hangingUpARingingOperativeIsBusyForTheCallerWhoGoesBackToHold() {
        SimHarness sim = new SimHarness(new JsonObject().put("operative-ring", "10s"));
        sim.heartbeat();
        String inbound = sim.pbx.placeCall("crisis", "no-danger-keep-waiting");
        sim.pbx.redirect(inbound, "crisisline-connect", "op1", 1);
        String operative = sim.named("Newchannel").get(2).get("Channel").orElseThrow();
        assertThat(sim.pbx.hangup(operative, 21)).isTrue();
        sim.advance(Duration.ofSeconds(1));
        assertThat(sim.first("DialEnd", "Channel", inbound)).get()
                .satisfies(e -> assertThat(e.get("DialStatus")).hasValue("BUSY"));
        assertThat(sim.first("Hangup", "Channel", operative)).get()
                .satisfies(e -> assertThat(e.get("Cause-txt")).hasValue("Call Rejected"));
        assertThat(sim.named("MusicOnHoldStart")).hasSize(2);
    }

    @Test
    void aWithheldNumberStaysUnknownOnAmiAndArrivesEmptyAtTheIvr() {
        SimHarness sim = new SimHarness(new JsonObject().put("withheld-number-probability", 1.0));
        sim.heartbeat();
        String inbound = sim.pbx.placeCall("crisis", "no-danger-keep-waiting");

        assertThat(sim.named("NewCallerid")).isEmpty();
        assertThat(sim.first("Newchannel", "Channel", inbound)).get()
                .satisfies(e -> assertThat(e.get("CallerIDNum")).hasValue("<unknown>"));
        assertThat(sim.agi.transcript).containsSequence("> GET FULL VARIABLE ${CALLERID(num)}", "< 200 result=0");
        String environment = AgiEnvironment.of(sim.pbx.dialplan().call(inbound).orElseThrow(), "127.0.0.1", 4573, 1);
        assertThat(environment).contains("agi_callerid: unknown\n", "agi_arg_1: \n", "agi_arg_2: en\n\n");
    }
}
