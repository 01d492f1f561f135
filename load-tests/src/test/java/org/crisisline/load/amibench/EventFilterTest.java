package org.crisisline.load.amibench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.crisisline.telephony.wire.AmiMessage;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The manager.conf event filter")
class EventFilterTest {
    private final EventFilter shipped = EventFilter.shipped();

    @Test
    @DisplayName("sends the events the adapter reads and drops the noise of a real call")
    void shippedFilter() {
        List<AmiMessage> call = RecordedAmi.load().call();
        List<String> kept = shipped.apply(call).stream().map(e -> e.eventName().orElseThrow()).distinct().toList();

        assertThat(kept).contains("Newchannel", "NewCallerid", "DTMFEnd", "DialBegin", "DialEnd", "AgentCalled",
                "AgentConnect", "BridgeEnter", "Hangup", "OriginateResponse", "QueueCallerJoin")
                .doesNotContain("DeviceStateChange", "AGIExecStart", "Newstate", "BridgeCreate");
        assertThat(shipped.apply(call).size()).isLessThan(call.size() / 4);
    }

    @Test
    @DisplayName("sends no VarSet or Newexten at all: they are class dialplan, which the user may not read")
    void dialplanClassIsNotRead() {
        List<AmiMessage> call = RecordedAmi.load().call();
        AmiMessage route = call.stream().filter(e -> e.get("Variable").filter("TRIAGE_ROUTE"::equals).isPresent())
                .findFirst().orElseThrow();

        // The recorded Asterisk 22 marks VarSet and Newexten "Privilege: dialplan,all"; the shipped user reads
        // call,dtmf,agent,reporting,system, so their eventfilter lines in manager.conf never match anything.
        assertThat(route.get("Privilege")).contains("dialplan,all");
        assertThat(shipped.passes(route)).isFalse();
        assertThat(shipped.apply(call)).noneMatch(e -> e.eventName().filter(n -> n.equals("VarSet")
                || n.equals("Newexten")).isPresent());
    }

    @Test
    @DisplayName("keeps out events of a class the user may not read, and sends everything with no filter")
    void readClasses() {
        AmiMessage auth = AmiMessage.event("SuccessfulAuth").add("Privilege", "security,all").build();
        AmiMessage booted = AmiMessage.event("FullyBooted").add("Privilege", "system,all").build();

        assertThat(shipped.passes(auth)).isFalse();
        assertThat(shipped.passes(booted)).isTrue();
        assertThat(EventFilter.NONE.passes(auth)).isTrue();
    }

    @Test
    @DisplayName("reads exclude filters and refuses the legacy form, naming the line")
    void excludesAndLegacy() {
        EventFilter exclude = EventFilter.parse("test", """
                [u]
                read = all
                eventfilter(action(exclude),name(VarSet)) =
                """, "u");

        assertThat(exclude.passes(AmiMessage.event("VarSet").build())).isFalse();
        assertThat(exclude.passes(AmiMessage.event("Hangup").build())).isTrue();
        assertThatThrownBy(() -> EventFilter.parse("test", "[u]\neventfilter = !Event: VarSet\n", "u"))
                .hasMessageContaining("eventfilter = !Event: VarSet");
    }
}
