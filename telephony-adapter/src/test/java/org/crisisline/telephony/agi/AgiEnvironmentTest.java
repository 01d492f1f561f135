package org.crisisline.telephony.agi;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.crisisline.telephony.captures.Capture;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("the FastAGI environment")
class AgiEnvironmentTest {
    private static final CapturedReplies CAPTURES = CapturedReplies.load(Capture.AGI_FILES);

    @Test
    @DisplayName("every real transcript's environment gives its script, line, caller, language, channel and uniqueid")
    void parsesEveryCapture() {
        List<String> covered = new ArrayList<>();
        for (String file : CAPTURES.files()) {
            List<String> lines = CAPTURES.environment(file);

            AgiEnvironment env = AgiEnvironment.fromLines(lines);

            assertThat(env.script()).as(file).isEqualTo("triage");
            assertThat(env.line()).as(file).isEqualTo("crisis");
            assertThat(env.callerArg()).as(file).isEqualTo(IvrServerTest.envValue(file, "agi_arg_1"));
            assertThat(env.language()).as(file).isEqualTo(IvrServerTest.envValue(file, "agi_arg_2"));
            assertThat(env.channel()).as(file).isEqualTo(IvrServerTest.envValue(file, "agi_channel"))
                    .startsWith("Local/").endsWith(";2");
            assertThat(env.uniqueId()).as(file).isEqualTo(IvrServerTest.envValue(file, "agi_uniqueid"))
                    .matches("[0-9]+\\.[0-9]+");
            covered.add(file);
        }
        assertThat(covered).containsExactlyInAnyOrderElementsOf(Capture.AGI_FILES);
    }

    @Test
    @DisplayName("an empty caller argument reads as no number, and the language falls back to agi_language")
    void emptyArguments() {
        AgiEnvironment env = AgiEnvironment.fromLines(List.of("agi_network: yes",
                "agi_network_script: triage?line=support&x=%zz", "agi_language: cy", "agi_arg_1: ", "agi_arg_2: "));

        assertThat(env.callerArg()).isEmpty();
        assertThat(env.language()).isEqualTo("cy");
        assertThat(env.parameters()).isEqualTo(Map.of("line", "support", "x", "%zz"));
    }

    @Test
    @DisplayName("junk never breaks parsing: lines without a colon are skipped, missing keys read as empty")
    void junk() {
        AgiEnvironment env = AgiEnvironment.fromLines(List.of("no colon here", ":", "\u0000\u00ff", "agi_channel"));

        assertThat(env.script()).isEmpty();
        assertThat(env.line()).isEmpty();
        assertThat(env.channel()).isEmpty();
        assertThat(env.uniqueId()).isEmpty();
    }

    @Test
    @DisplayName("only numbers are caller numbers")
    void phoneNumbers() {
        assertThat(AgiEnvironment.phoneNumber("07700900123")).isEqualTo("07700900123");
        assertThat(AgiEnvironment.phoneNumber("+447700900123")).isEqualTo("+447700900123");
        assertThat(AgiEnvironment.phoneNumber("unknown")).isEmpty();
        assertThat(AgiEnvironment.phoneNumber("anonymous")).isEmpty();
        assertThat(AgiEnvironment.phoneNumber(null)).isEmpty();
    }
}
