package org.crisisline.queue.store.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Arbitrary;
import org.crisisline.queue.command.QueueCommand;
import org.crisisline.queue.config.QueueConfig;
import org.crisisline.queue.core.QueueCore;
import org.crisisline.queue.event.QueueEvent;
import org.crisisline.queue.model.CallId;
import org.crisisline.queue.model.CallerRef;
import org.crisisline.queue.testing.MutableClock;
import org.crisisline.queue.testing.QueueHarness;
import org.crisisline.queue.testing.RandomDays;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Queue values as JSON: what the Redis store logs and snapshots, and what is published. */
class QueueJsonTest {
    private final QueueJson json = QueueJson.instance();

    @Property(tries = 100)
    void commandsEventsAndImagesSurviveTheRoundTrip(@ForAll("days") List<RandomDays.Step> steps) {
        MutableClock clock = new MutableClock(QueueHarness.START);
        QueueCore core = new QueueCore(QueueConfig.defaults(), clock);
        for (RandomDays.Step step : steps) {
            clock.advanceSeconds(step.secondsLater());
            assertThat(json.readCommand(json.write(step.command()))).isEqualTo(step.command());
            for (QueueEvent event : step.command().applyTo(core).events()) {
                assertThat(json.readEvent(json.write(event))).isEqualTo(event);
            }
        }
        assertThat(json.readImage(json.write(core.image()))).isEqualTo(core.image());
    }

    @Provide
    Arbitrary<List<RandomDays.Step>> days() {
        return RandomDays.days();
    }

    @Test
    @DisplayName("a command is written with its type, and none of the records' helper methods")
    void commandsNameTheirType() {
        String text = json.write(new org.crisisline.queue.command.QueueCommand.EndCall(
                org.crisisline.queue.model.CallId.of("c1")));

        assertThat(text).isEqualTo("{\"type\":\"EndCall\",\"call\":{\"value\":\"c1\"}}");
    }

    @Test
    @DisplayName("a lead's cancelled callback and a superseded one survive the round trip, command and events")
    void cancelledAndSupersededCallbacksRoundTrip() {
        CallId call = CallId.of("c1");
        CallerRef caller = new CallerRef("c_person000000001");
        List<Object> values = List.of(
                new QueueCommand.CancelCallback(call, QueueHarness.LEAD, "rang back: safe"),
                new QueueEvent.CallbackCancelled(QueueHarness.START, call, caller, QueueHarness.LEAD, "rang back: safe"),
                new QueueEvent.CallbackSuperseded(QueueHarness.START, call, caller, CallId.of("c2")));

        assertThat(json.readCommand(json.write((QueueCommand) values.get(0)))).isEqualTo(values.get(0));
        assertThat(json.readEvent(json.write((QueueEvent) values.get(1)))).isEqualTo(values.get(1));
        assertThat(json.readEvent(json.write((QueueEvent) values.get(2)))).isEqualTo(values.get(2));
    }

    @Test
    @DisplayName("text that is not a command fails with a clear message")
    void badTextFailsClearly() {
        assertThatThrownBy(() -> json.readCommand("{\"type\":\"Explode\"}"))
                .isInstanceOf(QueueJsonException.class)
                .hasMessageContaining("not a valid QueueCommand");
        assertThatThrownBy(() -> json.readCommand("{\"type\":\"EndCall\",\"call\":null}"))
                .isInstanceOf(QueueJsonException.class);
        assertThatThrownBy(() -> json.readCommand("not json"))
                .isInstanceOf(QueueJsonException.class);
    }
}
