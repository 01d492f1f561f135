package org.crisisline.telephony.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.crisisline.telephony.captures.Capture;
import org.crisisline.telephony.wire.AmiMessage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The simulated event stream has the captured events' names and header names")
class CaptureFieldNamesTest {
    /** Events the captures do not contain: a global VarSet and the CoreShowChannels list. */
    private static final Set<String> NOT_CAPTURED = Set.of("CoreShowChannel", "CoreShowChannelsComplete");
    private static final Pattern UNIQUEID = Pattern.compile("\\d{10}\\.\\d+");
    private static final Pattern LOCAL = Pattern.compile("Local/[^@]+@[^-]+(-[a-z]+)*-[0-9a-f]{8};[12]");
    private static final Map<String, Set<List<String>>> CAPTURED = new HashMap<>();

    @BeforeAll
    static void loadCaptures() {
        for (String file : Capture.AMI_FILES) {
            for (AmiMessage event : Capture.load(file).amiEvents()) {
                CAPTURED.computeIfAbsent(event.eventName().orElseThrow(), k -> new HashSet<>()).add(names(event));
            }
        }
    }

    private static List<String> names(AmiMessage event) {
        return event.headers().stream().map(AmiMessage.Header::name).toList();
    }

    @Test
    void anAnsweredCallHasOnlyCapturedEventsWithTheirExactHeaderNames() {
        SimHarness sim = new SimHarness(new JsonObject());
        sim.heartbeat();
        String inbound = sim.pbx.placeCall("crisis", "no-danger-keep-waiting");
        sim.pbx.redirect(inbound, "crisisline-connect", "op1", 1);
        sim.advance(Duration.ofSeconds(30));

        assertHeadersAsCaptured(sim.events.subList(1, sim.events.size()));
        assertThat(sim.names()).contains("Newchannel", "NewCallerid", "Newstate", "DTMFEnd", "VarSet", "DialBegin",
                "DialEnd", "BridgeCreate", "BridgeEnter", "BridgeLeave", "BridgeDestroy", "SoftHangupRequest",
                "HangupRequest", "Hangup", "MusicOnHoldStart", "MusicOnHoldStop", "AGIExecStart", "AGIExecEnd");
        assertLinkedToTheFirstChannel(sim.events);
    }

    @Test
    void theFallbackQueueAndAnAbandonHaveTheCapturedHeaderNames() {
        SimHarness sim = new SimHarness(new JsonObject().put("fallback-agents", 1).put("caller-patience", "20s")
                .put("talk-time", "60s"));
        sim.pbx.placeCall("crisis", "silent");
        sim.pbx.placeCall("crisis", "silent");
        sim.advance(Duration.ofMinutes(2));

        assertHeadersAsCaptured(sim.events);
        assertThat(sim.names()).contains("QueueCallerJoin", "QueueCallerLeave", "QueueCallerAbandon", "AgentCalled",
                "AgentConnect", "AgentComplete");
    }

    @Test
    void originatesHaveTheCapturedHeaderNamesAndReasons() {
        SimHarness sim = new SimHarness(new JsonObject().put("callee-answer-probability", 1.0)
                .put("callee-busy-probability", 0.0));
        sim.pbx.originate(request("Local/busy@operatives/n", "busy"));
        sim.pbx.originate(request("Local/nobody@operatives/n", "nochan"));
        sim.pbx.originate(request("PJSIP/op2", "ok"));
        sim.advance(Duration.ofMinutes(2));

        assertHeadersAsCaptured(sim.events);
        assertThat(sim.named("OriginateResponse")).extracting(e -> e.get("ActionID").orElseThrow() + " "
                        + e.get("Response").orElseThrow() + " " + e.get("Reason").orElseThrow() + " "
                        + e.get("Uniqueid").orElseThrow().replaceAll("\\d", "9"))
                .containsExactly("busy Failure 5 <unknown>", "nochan Failure 0 <unknown>",
                        "ok Success 4 9999999999.9");
        assertThat(sim.first("DialEnd", "DialStatus", "ANSWER")).isPresent();
        assertThat(sim.named("BridgeEnter")).hasSize(2);
        assertLinkedToTheFirstChannel(sim.events.subList(sim.events.indexOf(sim.first("Newchannel", "Channel",
                sim.named("OriginateResponse").get(2).get("Channel").orElseThrow()).orElseThrow()), sim.events.size()));
        assertThat(sim.pbx.liveChannels()).isZero();
    }

    private static OriginateRequest request(String channel, String actionId) {
        return new OriginateRequest(channel, "crisisline-callback", "07700900123", 1, "08001234567", "Crisisline",
                30_000, Map.of("CRISISLINE_CALLBACK_ID", "cb-1"), actionId);
    }

    private static void assertHeadersAsCaptured(List<AmiMessage> events) {
        for (AmiMessage event : events) {
            String name = event.eventName().orElseThrow();
            if (NOT_CAPTURED.contains(name)) {
                continue;
            }
            assertThat(CAPTURED).as("event %s is in a capture", name).containsKey(name);
            assertThat(CAPTURED.get(name)).as("header names of %s", name).contains(names(event));
        }
    }

    /** Every channel of one call: Uniqueid {@code <epoch>.<seq>}, Linkedid the first channel's Uniqueid. */
    private static void assertLinkedToTheFirstChannel(List<AmiMessage> events) {
        List<AmiMessage> created = events.stream().filter(e -> e.eventName().orElseThrow().equals("Newchannel"))
                .toList();
        String first = created.get(0).get("Uniqueid").orElseThrow();
        assertThat(created).allSatisfy(e -> {
            assertThat(e.get("Uniqueid").orElseThrow()).matches(UNIQUEID);
            assertThat(e.get("Linkedid")).hasValue(first);
            String channel = e.get("Channel").orElseThrow();
            if (channel.startsWith("Local/")) {
                assertThat(channel).matches(LOCAL);
            }
        });
    }
}
