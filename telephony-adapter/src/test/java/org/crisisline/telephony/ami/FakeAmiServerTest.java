package org.crisisline.telephony.ami;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.crisisline.telephony.captures.Capture;
import org.crisisline.telephony.captures.Capture.AmiStep;
import org.crisisline.telephony.captures.Capture.Direction;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The fake Asterisk re-writes the messages it parsed from a capture: they must come out as recorded. */
class FakeAmiServerTest {
    @Test
    @DisplayName("a replayed message is byte for byte what Asterisk wrote in every capture")
    void replayIsByteForByte() {
        for (String name : Capture.AMI_FILES) {
            Capture capture = Capture.load(name);
            ByteArrayOutputStream replayed = new ByteArrayOutputStream();
            for (AmiStep step : capture.amiSteps()) {
                if (step.direction() == Direction.FROM_ASTERISK) {
                    byte[] bytes = step.isBanner() ? (step.banner() + "\r\n").getBytes(StandardCharsets.UTF_8)
                            : step.message().toWire().getBytes(StandardCharsets.UTF_8);
                    replayed.writeBytes(bytes);
                }
            }

            assertThat(replayed.toByteArray()).as(name).isEqualTo(capture.bytes(Direction.FROM_ASTERISK, "\r\n"));
        }
    }
}
