package org.crisisline.telephony.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("Simulated PBX options")
class SimulatedPbxOptionsTest {
    @Test
    void theDemoDefaultsAreValid() {
        SimulatedPbxOptions options = SimulatedPbxOptions.defaults();
        assertThat(options.amiPort()).isEqualTo(5038);
        assertThat(options.lines()).extracting(HelplineLine::name).containsExactly("crisis", "young-people");
        assertThat(options.keypadScripts()).extracting(KeypadScript::name).contains("danger-now",
                "no-danger-keep-waiting", "take-callback", "typed-number");
        assertThat(options.heartbeatStale()).isEqualTo(Duration.ofSeconds(30));
    }

    @ParameterizedTest(name = "{0} = {1} is refused naming the key")
    @CsvSource(delimiter = '|', value = {
            "ami-port|70000",
            "time-scale|0",
            "caller-patience|\"soon\"",
            "ring-timeout|\"0s\"",
            "operative-no-answer-probability|1.5",
            "fallback-agents|-1",
            "no-such-key|1"})
    void aBadValueNamesTheKey(String key, String json) {
        JsonObject config = new JsonObject("{\"" + key + "\":" + json + "}");
        assertThatThrownBy(() -> SimulatedPbxOptions.fromJson(config))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("simulated-pbx." + key + ":");
    }

    @Test
    void aKeypadAnswerMustBeDigitsOrHangup() {
        JsonObject config = new JsonObject().put("keypad-scripts", new JsonArray()
                .add(new JsonObject().put("name", "bad").put("answers", new JsonArray().add("yes"))));
        assertThatThrownBy(() -> SimulatedPbxOptions.fromJson(config))
                .hasMessageStartingWith("simulated-pbx.keypad-scripts:");
    }

    @Test
    void delaysParseAndSampleInRange() {
        Random random = new Random(1);
        assertThat(Delay.parse("30s").sampleMillis(random)).isEqualTo(30_000);
        assertThat(Delay.parse("uniform 2s 6s").sampleMillis(random)).isBetween(2_000L, 6_000L);
        double mean = 0;
        Delay exponential = Delay.parse("exponential 5m");
        for (int i = 0; i < 20_000; i++) {
            mean += exponential.sampleMillis(random) / 20_000.0;
        }
        assertThat(mean).isBetween(290_000.0, 310_000.0);
    }
}
