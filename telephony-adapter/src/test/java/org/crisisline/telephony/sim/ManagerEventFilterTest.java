package org.crisisline.telephony.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.crisisline.telephony.captures.Capture;
import org.crisisline.telephony.wire.AmiMessage;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The manager.conf event filter")
class ManagerEventFilterTest {
    private final ManagerEventFilter shipped = ManagerEventFilter.shipped();

    @Test
    @DisplayName("sends the events the adapter reads and drops the noise of a real call")
    void shippedFilter() {
        List<AmiMessage> call = Capture.load("ami-queue-answered.txt").amiEvents();
        List<String> kept = shipped.apply(call).stream().map(e -> e.eventName().orElseThrow()).distinct().toList();

        assertThat(kept).contains("Newchannel", "NewCallerid", "DTMFEnd", "DialBegin", "DialEnd", "AgentCalled",
                "AgentConnect", "BridgeEnter", "Hangup", "OriginateResponse", "QueueCallerJoin")
                .doesNotContain("DeviceStateChange", "AGIExecStart", "Newstate");
        assertThat(shipped.apply(call).size()).isLessThan(call.size() / 4);
    }

    @Test
    @DisplayName("sends the contract's VarSets (class dialplan, which the user reads) and no other variable")
    void contractVariablesAreRead() {
        List<AmiMessage> call = Capture.load("ami-queue-answered.txt").amiEvents();
        AmiMessage route = call.stream().filter(e -> e.get("Variable").filter("TRIAGE_ROUTE"::equals).isPresent())
                .findFirst().orElseThrow();

        // The recorded Asterisk 22 marks VarSet and Newexten "Privilege: dialplan,all".
        assertThat(route.get("Privilege")).contains("dialplan,all");
        assertThat(shipped.passes(route)).isTrue();
        assertThat(shipped.apply(call)).filteredOn(e -> e.eventName().filter("VarSet"::equals).isPresent())
                .allMatch(e -> e.get("Variable").orElseThrow().matches("TRIAGE_ROUTE|CRISISLINE_.*"));
    }

    @Test
    @DisplayName("keeps out events of a class the user may not read, and sends everything with no filter")
    void readClasses() {
        AmiMessage auth = AmiMessage.event("SuccessfulAuth").add("Privilege", "security,all").build();
        AmiMessage booted = AmiMessage.event("FullyBooted").add("Privilege", "system,all").build();

        assertThat(shipped.passes(auth)).isFalse();
        assertThat(shipped.passes(booted)).isTrue();
        assertThat(ManagerEventFilter.NONE.passes(auth)).isTrue();
    }

    @Test
    @DisplayName("reads exclude filters and refuses the legacy form, naming the line")
    void excludesAndLegacy() {
        ManagerEventFilter exclude = ManagerEventFilter.parse("test", """
                [u]
                read = all
                eventfilter(action(exclude),name(VarSet)) =
                """, "u");

        assertThat(exclude.passes(AmiMessage.event("VarSet").build())).isFalse();
        assertThat(exclude.passes(AmiMessage.event("Hangup").build())).isTrue();
        assertThatThrownBy(() -> ManagerEventFilter.parse("test", "[u]\neventfilter = !Event: VarSet\n", "u"))
                .hasMessageContaining("eventfilter = !Event: VarSet");
    }
}
