package org.crisisline.telephony.ami;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;

import org.crisisline.telephony.captures.Capture;
import org.crisisline.telephony.event.PbxLinkChanged;
import org.crisisline.telephony.event.TelephonyEvent;
import org.crisisline.telephony.sim.ManagerEventFilter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The shipped manager.conf cuts the AMI stream to the events Crisisline reads. This replays real
 * calls as Asterisk would send them with and without that filter: the adapter must see the same calls.
 */
@DisplayName("the shipped AMI event filter")
class ShippedEventFilterTest {
    private static final ManagerEventFilter FILTER = ManagerEventFilter.shipped();

    private Vertx vertx;

    @BeforeEach
    void startVertx() {
        vertx = Vertx.vertx();
    }

    @AfterEach
    void stopVertx() {
        LinkProbe.join(vertx.close());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"ami-queue-answered.txt", "ami-queue-abandon.txt", "ami-agi-cmht.txt",
            "ami-agi-hangup.txt", "ami-originate-callback.txt", "ami-redirect.txt"})
    @DisplayName("lets through every event the adapter turns into a call event, and cuts most of the stream")
    void filteredStreamGivesTheSameCallEvents(String capture) {
        List<String> unfiltered = callEvents(FakeAmiServer.Session.replay(capture), -1);
        List<String> filtered = callEvents(FakeAmiServer.Session.replay(capture)
                .mapScenario(steps -> steps.stream().filter(ShippedEventFilterTest::passes).toList()),
                unfiltered.size());

        assertThat(unfiltered).isNotEmpty();
        assertThat(filtered).isEqualTo(unfiltered);
        long events = Capture.load(capture).amiEvents().size();
        long kept = Capture.load(capture).amiEvents().stream().filter(FILTER::passes).count();
        assertThat(kept).as("events kept of " + events).isLessThan(events / 2);
    }

    private static boolean passes(FakeAmiServer.Step step) {
        return !(step instanceof FakeAmiServer.Send send) || send.message() == null || FILTER.passes(send.message());
    }

    /**
     * The call events one replay gives, without their arrival times. The replay has no end marker, so
     * this waits for {@code expected} events, or (when -1) until none has arrived for a while.
     */
    private List<String> callEvents(FakeAmiServer.Session session, int expected) {
        FakeAmiServer server = FakeAmiServer.start(session);
        try (LinkProbe probe = new LinkProbe(vertx, LinkProbe.options("north", server.port(), new JsonObject()))) {
            int seen = -1;
            long deadline = System.currentTimeMillis() + LinkProbe.WAIT.toMillis();
            while (System.currentTimeMillis() < deadline && (expected < 0 ? seen != count(probe) : count(probe) < expected)) {
                seen = count(probe);
                pause(expected < 0 ? 500 : 20);
            }
            return probe.seen.stream().filter(e -> !(e instanceof PbxLinkChanged)).map(ShippedEventFilterTest::withoutTime)
                    .toList();
        } finally {
            server.close();
        }
    }

    private static int count(LinkProbe probe) {
        return (int) probe.seen.stream().filter(e -> !(e instanceof PbxLinkChanged)).count();
    }

    private static String withoutTime(TelephonyEvent event) {
        List<String> fields = new ArrayList<>();
        for (RecordComponent component : event.getClass().getRecordComponents()) {
            if (!component.getName().equals("at")) {
                try {
                    fields.add(component.getName() + "=" + component.getAccessor().invoke(event));
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return event.getClass().getSimpleName() + fields;
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
