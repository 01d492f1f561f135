package org.crisisline.telephony.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.crisisline.telephony.captures.Capture;
import org.crisisline.telephony.captures.Capture.Direction;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

@DisplayName("AMI framing")
class AmiFrameReaderTest {
    private final List<String> banners = new ArrayList<>();
    private final List<AmiMessage> messages = new ArrayList<>();
    private final List<String> problems = new ArrayList<>();
    private final AmiFrameReader.Listener listener = new AmiFrameReader.Listener() {
        @Override
        public void banner(String banner) {
            banners.add(banner);
        }

        @Override
        public void message(AmiMessage message) {
            messages.add(message);
        }

        @Override
        public void malformed(String problem) {
            problems.add(problem);
        }
    };

    static final List<String> AMI_FILES = Capture.AMI_FILES;

    @ParameterizedTest(name = "{0}")
    @FieldSource("AMI_FILES")
    @DisplayName("every captured Asterisk stream parses, one byte at a time, into the same messages as whole")
    void capturedStreamsParseInAnyChunking(String file) {
        Capture capture = Capture.load(file);
        byte[] bytes = capture.bytes(Direction.FROM_ASTERISK, "\r\n");
        AmiFrameReader reader = new AmiFrameReader(listener, true);
        for (byte b : bytes) {
            reader.feed(new byte[] {b});
        }

        assertThat(problems).isEmpty();
        assertThat(banners).containsExactly("Asterisk Call Manager/11.0.0");
        assertThat(messages).isEqualTo(capture.amiMessages(Direction.FROM_ASTERISK));
    }

    @Test
    @DisplayName("an OriginateResponse is an event although it carries a Response header")
    void originateResponseIsAnEvent() {
        AmiMessage originate = Capture.load("ami-originate-failed.txt").amiEvents().stream()
                .filter(e -> e.eventName().orElseThrow().equals("OriginateResponse"))
                .findFirst().orElseThrow();

        assertThat(originate.isEvent()).isTrue();
        assertThat(originate.isResponse()).isFalse();
        assertThat(originate.get("response")).isPresent();
    }

    @Test
    @DisplayName("a line without a colon, an over-long line and binary junk are reported and the next message survives")
    void badLinesAreSkippedAndGoodMessagesKept() {
        AmiFrameReader reader = new AmiFrameReader(listener, false, 100, 10);
        feed(reader, "Event: Broken\r\nno colon here\r\nChannel: a\r\n\r\n");
        feed(reader, "X".repeat(500) + "\r\n\r\n");
        reader.feed(new byte[] {(byte) 0xff, (byte) 0xfe, ':', 0, '\r', '\n', '\r', '\n'});
        feed(reader, "Event: Hangup\r\nUniqueid: 1.2\r\n\r\n");

        assertThat(problems).hasSize(3);
        assertThat(messages).extracting(m -> m.eventName().orElse("?"))
                .containsExactly("Broken", "Hangup");
        assertThat(messages.get(1).get("Uniqueid")).contains("1.2");
    }

    @Test
    @DisplayName("a message with too many headers is dropped whole, and the next one is kept")
    void tooManyHeadersDropsOnlyThatMessage() {
        AmiFrameReader reader = new AmiFrameReader(listener, false, 100, 3);
        feed(reader, "Event: Flood\r\nA: 1\r\nB: 2\r\nC: 3\r\nD: 4\r\n\r\nEvent: Next\r\n\r\n");

        assertThat(problems).hasSize(1);
        assertThat(messages).extracting(m -> m.eventName().orElse("?")).containsExactly("Next");
    }

    private static void feed(AmiFrameReader reader, String text) {
        reader.feed(text.getBytes(StandardCharsets.UTF_8));
    }
}
