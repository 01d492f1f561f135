package org.crisisline.telephony.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Simulated callers arrive, wait, abandon and talk as configured")
class SimulatedPeopleTest {
    private static JsonObject lines(double crisisPerHour, double youngPerHour) {
        return new JsonObject().put("lines", new JsonArray()
                .add(new JsonObject().put("name", "crisis").put("did", "08001234567").put("calls-per-hour", crisisPerHour))
                .add(new JsonObject().put("name", "young-people").put("did", "08007654321")
                        .put("calls-per-hour", youngPerHour)));
    }

    @Test
    void poissonArrivalsOverASimulatedHourGiveAboutTheConfiguredCount() {
        SimHarness sim = new SimHarness(lines(600, 200).put("caller-patience", "1m").put("talk-time", "1m"));
        sim.pbx.startArrivals();
        sim.advance(Duration.ofHours(1));
        sim.pbx.stopArrivals();

        // 800 expected; a Poisson count has a standard deviation of sqrt(800) ≈ 28.
        assertThat(sim.pbx.arrivedCallers()).isBetween(800L - 4 * 28, 800L + 4 * 28);
        long crisis = sim.named("Newchannel").stream()
                .filter(e -> e.get("Channel").orElseThrow().startsWith("Local/08001234567@crisisline-inbound-")
                        && e.get("Channel").orElseThrow().endsWith(";2"))
                .count();
        assertThat((double) crisis / sim.pbx.arrivedCallers()).isBetween(0.68, 0.82);
    }

    @Test
    void theSameSeedReplaysTheSameDay() {
        SimHarness one = new SimHarness(lines(300, 100));
        SimHarness two = new SimHarness(lines(300, 100));
        one.pbx.startArrivals();
        two.pbx.startArrivals();
        one.advance(Duration.ofMinutes(10));
        two.advance(Duration.ofMinutes(10));

        assertThat(one.events).isNotEmpty().isEqualTo(two.events);
    }

    @Test
    void impatientCallersAbandonWhileNobodyAnswers() {
        SimHarness sim = new SimHarness(lines(120, 0).put("fallback-agents", 0).put("caller-patience", "30s"));
        sim.heartbeat();
        sim.pbx.startArrivals();
        for (int i = 0; i < 60; i++) {
            sim.advance(Duration.ofSeconds(10));
            sim.heartbeat();
        }
        sim.pbx.stopArrivals();
        sim.advance(Duration.ofMinutes(2));

        // 120 an hour for 10 minutes: about 20 callers, and nobody answers any of them.
        assertThat(sim.pbx.arrivedCallers()).isBetween(8L, 35L);
        long waited = sim.named("MusicOnHoldStart").size();
        long abandonedTheQueue = sim.named("QueueCallerAbandon").size();
        assertThat(waited).isGreaterThan(sim.pbx.arrivedCallers() / 2);
        assertThat(abandonedTheQueue).isEqualTo(sim.named("QueueCallerJoin").size());
        assertThat(sim.pbx.liveChannels()).isZero();
        assertThat(sim.named("Hangup")).extracting(e -> e.get("Cause").orElseThrow()).containsOnly("16");
    }

    @Test
    void aStaleHeartbeatMovesEveryWaitingCallerToTheFallbackQueue() {
        SimHarness sim = new SimHarness(new JsonObject().put("fallback-agents", 0));
        sim.heartbeat();
        for (int i = 0; i < 3; i++) {
            sim.pbx.placeCall("crisis", "no-danger-keep-waiting");
        }
        sim.advance(Duration.ofSeconds(25));
        sim.heartbeat();
        sim.advance(Duration.ofSeconds(20));
        assertThat(sim.pbx.fallbackQueueSize()).isZero();

        sim.advance(Duration.ofSeconds(40));
        assertThat(sim.pbx.fallbackQueueSize()).isEqualTo(3);
        assertThat(sim.named("QueueCallerJoin")).extracting(e -> e.get("Position").orElseThrow())
                .containsExactly("1", "2", "3");
    }
}
