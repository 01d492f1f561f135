package org.crisisline.telephony.ami;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.asteriskjava.manager.event.AgentCompleteEvent;
import org.asteriskjava.manager.event.HangupEvent;
import org.asteriskjava.manager.event.NewExtenEvent;
import org.crisisline.telephony.event.CallEnded;
import org.crisisline.telephony.event.TelephonyEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class EventPumpTest {
    private static final Instant NOW = Instant.parse("2026-11-29T12:00:00Z");
    private final Vertx vertx = Vertx.vertx();
    private final LongAdder translated = new LongAdder();
    private final LongAdder ignored = new LongAdder();

    @AfterEach
    void closeVertx() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
    }

    private EventPump pumpInto(Context context, List<TelephonyEvent> delivered) {
        AmiOptions options = LinkProbe.options("north", 5038, new JsonObject());
        return new EventPump(new AmiEventMapper(options), Clock.fixed(NOW, ZoneOffset.UTC),
                event -> context.runOnContext(v -> delivered.add(event)), () -> { }, translated, ignored);
    }

    private static HangupEvent hangup(int n) {
        HangupEvent event = new HangupEvent(EventPumpTest.class);
        event.setChannel("PJSIP/trunk-" + n);
        event.setUniqueId("1795316523." + n);
        event.setLinkedId("1795316523." + n);
        event.setCause(16);
        event.setCauseTxt("Normal Clearing");
        return event;
    }

    @Test
    @DisplayName("the pump thread hands events over and returns at once, even while the event loop is blocked")
    void neverWaitsForTheEventLoop() throws InterruptedException {
        Context context = vertx.getOrCreateContext();
        CountDownLatch loopBlocked = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        context.runOnContext(v -> {
            loopBlocked.countDown();
            try {
                release.await(5, TimeUnit.SECONDS); // deliberately blocks this event loop
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        assertThat(loopBlocked.await(5, TimeUnit.SECONDS)).isTrue();
        List<TelephonyEvent> delivered = new CopyOnWriteArrayList<>();
        EventPump pump = pumpInto(context, delivered);

        long start = System.nanoTime();
        for (int i = 0; i < 10_000; i++) {
            pump.onManagerEvent(hangup(i));
        }
        Duration handOff = Duration.ofNanos(System.nanoTime() - start);

        assertThat(handOff).isLessThan(Duration.ofSeconds(1));
        assertThat(delivered).isEmpty();
        release.countDown();
        CountDownLatch drained = new CountDownLatch(1);
        context.runOnContext(v -> drained.countDown());
        assertThat(drained.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(delivered).hasSize(10_000).allSatisfy(event -> assertThat(event).isInstanceOf(CallEnded.class));
        assertThat(translated.sum()).isEqualTo(10_000);
    }

    @Test
    @DisplayName("events Crisisline does not read are counted and dropped; unreadable ones never reach the pump")
    void countsWhatItDrops() {
        List<TelephonyEvent> delivered = new CopyOnWriteArrayList<>();
        EventPump pump = pumpInto(vertx.getOrCreateContext(), delivered);
        HangupEvent noChannel = new HangupEvent(this);
        noChannel.setUniqueId("1.1");

        // Under load AgentComplete comes without its channel fields: it is never read (STACK.md).
        AgentCompleteEvent bare = new AgentCompleteEvent(this);
        bare.setReason("caller");
        bare.setTalkTime(9L);

        pump.onManagerEvent(new NewExtenEvent(this));
        pump.onManagerEvent(noChannel);
        pump.onManagerEvent(bare);

        assertThat(ignored.sum()).isEqualTo(3);
        assertThat(delivered).isEmpty();
        assertThat(translated.sum()).isZero();
    }
}
