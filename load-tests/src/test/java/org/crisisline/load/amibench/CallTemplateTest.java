package org.crisisline.load.amibench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.crisisline.telephony.wire.AmiFrameReader;
import org.crisisline.telephony.wire.AmiMessage;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("A call template")
class CallTemplateTest {
    private static final RecordedAmi RECORDED = RecordedAmi.load();
    private final CallTemplate template = CallTemplate.of(RECORDED.call());

    @Test
    @DisplayName("renders every recorded event of the call, and copy 0 is the recording itself")
    void copyZeroIsTheRecording() {
        List<AmiMessage> copy = parse(0);

        assertThat(copy).hasSize(RECORDED.call().size()).isEqualTo(RECORDED.call());
        assertThat(template.eventCount()).isEqualTo(RECORDED.call().size());
    }

    @Test
    @DisplayName("keeps each copy's Linkedid the Uniqueid of its first channel, as Asterisk sets it")
    void keepsLinkedidRelations() {
        List<AmiMessage> copy = parse(41);
        String first = copy.stream().filter(e -> e.eventName().orElse("").equals("Newchannel"))
                .findFirst().flatMap(e -> e.get("Uniqueid")).orElseThrow();

        assertThat(first).isEqualTo(template.uniqueid(41, "1795316523.0")).isNotEqualTo("1795316523.0");
        assertThat(copy).allSatisfy(event -> {
            event.get("Linkedid").ifPresent(linkedid -> assertThat(linkedid).isEqualTo(first));
            event.get("DestLinkedid").ifPresent(linkedid -> assertThat(linkedid).isEqualTo(first));
        });
        assertThat(copy.stream().filter(e -> e.get("Linkedid").isPresent())).hasSizeGreaterThan(100);
    }

    @Test
    @DisplayName("gives two copies no Uniqueid, channel name or bridge in common, and each its own arrival")
    void copiesAreDistinct() {
        Set<String> first = identities(parse(7));
        Set<String> second = identities(parse(8));

        assertThat(first).hasSizeGreaterThan(5).doesNotContainAnyElementsOf(second);
        assertThat(parse(8)).anySatisfy(event -> {
            assertThat(event.eventName()).contains("Newchannel");
            assertThat(event.get("ChannelState")).contains("4");
            assertThat(event.get("Uniqueid")).contains(template.arrivalUniqueid(8));
        });
        assertThat(second).contains("Local/08001234567@crisis-line-00000010;2", "Local/op1@operatives-00000011;1");
    }

    private Set<String> identities(List<AmiMessage> events) {
        Set<String> ids = new HashSet<>();
        for (AmiMessage event : events) {
            for (AmiMessage.Header header : event.headers()) {
                String name = header.name().toLowerCase();
                if (name.endsWith("uniqueid") || name.endsWith("linkedid") || name.endsWith("channel")) {
                    ids.add(header.value());
                }
            }
        }
        return ids;
    }

    private List<AmiMessage> parse(long n) {
        List<AmiMessage> events = new ArrayList<>();
        CallTemplate.Sink sink = template.render(n, new CallTemplate.Sink());
        new AmiFrameReader(new AmiFrameReader.Listener() {
            @Override
            public void banner(String banner) {
            }

            @Override
            public void message(AmiMessage message) {
                events.add(message);
            }

            @Override
            public void malformed(String problem) {
                throw new AssertionError(problem);
            }
        }, false).feed(sink.array(), 0, sink.size());
        return events;
    }
}
