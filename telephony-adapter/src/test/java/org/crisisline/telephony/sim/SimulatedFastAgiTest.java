package org.crisisline.telephony.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.crisisline.telephony.captures.Capture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("The simulated PBX's FastAGI client against the captured sessions")
class SimulatedFastAgiTest {
    private Vertx vertx;

    @BeforeEach
    void startVertx() {
        vertx = Vertx.vertx();
    }

    @AfterEach
    void stopVertx() throws Exception {
        vertx.close().await(5, TimeUnit.SECONDS);
    }

    @ParameterizedTest(name = "{0} replays byte for byte and then routes")
    @CsvSource({
            "agi-triage-session.txt, press-2, 1, 2",
            "agi-triage-cmht.txt, press-9, 1, 2",
            "agi-triage-hangup.txt, hangs-up, 0, 0"})
    void theClientSendsTheCapturedEnvironmentAndAnswersAsAsteriskDid(String file, String script,
                                                                      int queued, int channels) throws Exception {
        Capture capture = Capture.load(file);
        List<String> commands = capture.lines().stream()
                .filter(l -> l.direction() == Capture.Direction.FROM_CLIENT).map(Capture.Line::text).toList();
        try (FakeFastAgiServer agi = new FakeFastAgiServer(commands)) {
            SimulatedPbx pbx = SimulatedPbx.start(vertx, SimulatedPbxOptions.fromJson(config(agi.port()))).await(5, TimeUnit.SECONDS);
            pbx.placeCall("crisis", script).await(5, TimeUnit.SECONDS);

            List<String> got = normalise(agi.transcript());
            List<String> expected = normalise(capture.lines().stream()
                    .map(l -> (l.direction() == Capture.Direction.FROM_ASTERISK ? "< " : "> ") + l.text()).toList());
            assertThat(got).containsExactlyElementsOf(expected);

            assertThat(poll(() -> pbx.fallbackQueueSize().await(5, TimeUnit.SECONDS), queued)).isEqualTo(queued);
            assertThat(poll(() -> pbx.liveChannels().await(5, TimeUnit.SECONDS), channels)).isEqualTo(channels);
        }
    }

    @Test
    void anIvrThatNeverAnswersTimesOutAndTheCallerFallsBackToTheQueue() throws Exception {
        try (ServerSocket silent = new ServerSocket(0)) {
            SimulatedPbxOptions options = SimulatedPbxOptions.fromJson(config(silent.getLocalPort())
                    .put("agi-timeout", "10s").put("time-scale", 20.0));
            SimulatedPbx pbx = SimulatedPbx.start(vertx, options).await(5, TimeUnit.SECONDS);
            pbx.placeCall("crisis", "press-2").await(5, TimeUnit.SECONDS);
            try (Socket held = silent.accept()) {
                assertThat(poll(() -> pbx.fallbackQueueSize().await(5, TimeUnit.SECONDS), 1)).isEqualTo(1);
                assertThat(held.getInputStream().readAllBytes()).as("the AGI socket was closed").isNotEmpty();
            }
        }
    }

    private static JsonObject config(int agiPort) {
        return new JsonObject()
                .put("ami-port", 0)
                .put("agi-port", agiPort)
                .put("lines", new JsonArray().add(new JsonObject().put("name", "crisis").put("did", "08001234567")
                        .put("calls-per-hour", 0)))
                .put("keypad-scripts", new JsonArray()
                        .add(new JsonObject().put("name", "press-2").put("answers", new JsonArray().add("2")))
                        .add(new JsonObject().put("name", "press-9").put("answers", new JsonArray().add("9")))
                        .add(new JsonObject().put("name", "hangs-up").put("answers", new JsonArray().add("hangup"))))
                .put("fallback-agents", 0)
                .put("withheld-number-probability", 0.0);
    }

    /** Values that differ per run: the caller's number, channel names, ids and the dialplan location. */
    private static List<String> normalise(List<String> lines) {
        return lines.stream()
                .map(l -> l.replaceAll("07700900\\d{3}", "<caller>").replaceAll("127.0.0.1:\\d+", "<agi>"))
                .map(l -> l.replaceAll("^(< agi_(channel|uniqueid|threadid|context|extension|priority)): .*", "$1: *"))
                .toList();
    }

    private static int poll(Callable<Integer> probe, int wanted) throws Exception {
        int value = probe.call();
        for (int i = 0; i < 100 && value != wanted; i++) {
            Thread.sleep(20);
            value = probe.call();
        }
        return value;
    }
}
