package org.crisisline.telephony.sim;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.crisisline.telephony.wire.AmiMessage;

/** A simulated PBX on a hand-advanced clock, recording every AMI event it emits. */
final class SimHarness {
    static final long START = 1_795_316_523_000L;
    final ManualScheduler clock = new ManualScheduler(START);
    final List<AmiMessage> events = new ArrayList<>();
    final InProcessAgi agi;
    final PbxSimulation pbx;

    SimHarness(JsonObject overrides) {
        this(overrides, InProcessAgi.standard());
    }

    SimHarness(JsonObject overrides, InProcessAgi agi) {
        this.agi = agi;
        JsonObject json = new JsonObject()
                .put("operative-endpoints", new JsonArray(List.of("op1", "op2")))
                .put("operative-no-answer-probability", 0.0)
                .put("operative-ring", "2s")
                .put("caller-patience", "10m")
                .put("talk-time", "9s")
                .put("withheld-number-probability", 0.0)
                .mergeIn(overrides);
        this.pbx = new PbxSimulation(clock, SimulatedPbxOptions.fromJson(json), agi, events::add);
    }

    void advance(Duration duration) {
        clock.advance(duration);
    }

    void heartbeat() {
        pbx.setVariable(null, SimDialplan.HEARTBEAT, Long.toString(clock.now() / 1000));
    }

    List<AmiMessage> named(String event) {
        return events.stream().filter(e -> e.eventName().orElse("").equals(event)).toList();
    }

    List<String> names() {
        return events.stream().map(e -> e.eventName().orElseThrow()).toList();
    }

    Optional<AmiMessage> first(String event, String header, String value) {
        return named(event).stream().filter(e -> e.get(header).orElse("").equals(value)).findFirst();
    }
}
