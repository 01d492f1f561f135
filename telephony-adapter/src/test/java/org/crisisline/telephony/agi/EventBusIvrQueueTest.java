package org.crisisline.telephony.agi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.Vertx;
import io.vertx.core.eventbus.ReplyException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("the IVR's queue over the event bus")
class EventBusIvrQueueTest {
    private static final CallerArrived ARRIVED = new CallerArrived("1.1", "Local/x;2", "crisis", "07700900123", "en",
            IvrTier.CRISIS, false, Instant.parse("2026-11-29T21:00:00Z"));

    private final Vertx vertx = Vertx.vertx();

    @AfterEach
    void close() throws Exception {
        vertx.close().await(5, TimeUnit.SECONDS);
    }

    @Test
    @DisplayName("a registration is passed by reference and its reply comes back")
    void registers() throws Exception {
        IvrQueue queue = IvrQueue.overEventBus(vertx, Duration.ofSeconds(2));
        Object[] seen = new Object[1];
        vertx.eventBus().<CallerArrived>consumer(IvrQueue.CALLER_ARRIVED, message -> {
            seen[0] = message.body();
            message.reply(CallerRegistered.noOffer("call-1", Duration.ofSeconds(30)));
        }).completion().await(5, TimeUnit.SECONDS);

        CallerRegistered reply = queue.callerArrived(ARRIVED).toCompletableFuture().get(5, TimeUnit.SECONDS);

        assertThat(reply.callId()).isEqualTo("call-1");
        assertThat(seen[0]).isSameAs(ARRIVED);
    }

    @Test
    @DisplayName("no answer fails after the timeout; a refusal keeps its failure code")
    void failures() throws Exception {
        IvrQueue queue = IvrQueue.overEventBus(vertx, Duration.ofMillis(200));
        vertx.eventBus().<CallerArrived>consumer(IvrQueue.CALLER_ARRIVED, message -> { })
                .completion().await(5, TimeUnit.SECONDS);
        vertx.eventBus().<BookCallback>consumer(IvrQueue.BOOK_CALLBACK,
                message -> message.fail(IvrQueue.SLOT_TAKEN, "slot full")).completion().await(5, TimeUnit.SECONDS);
        BookCallback booking = new BookCallback("call-1", new CallbackChoice.KeepPlace(), "07700900123",
                Instant.parse("2026-11-29T21:00:00Z"));

        long started = System.nanoTime();
        assertThatThrownBy(() -> queue.callerArrived(ARRIVED).toCompletableFuture().get(5, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class).hasCauseInstanceOf(ReplyException.class);
        long tookMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        assertThatThrownBy(() -> queue.bookCallback(booking).toCompletableFuture().get(5, TimeUnit.SECONDS))
                .cause().isInstanceOfSatisfying(ReplyException.class,
                        e -> assertThat(e.failureCode()).isEqualTo(IvrQueue.SLOT_TAKEN));

        assertThat(tookMillis).isBetween(150L, 2000L);
    }

    @Test
    @DisplayName("records never print the caller's number")
    void noRawNumbers() {
        assertThat(ARRIVED.toString()).doesNotContain("07700900123");
        assertThat(new BookCallback("c", new CallbackChoice.KeepPlace(), "07700900123", Instant.EPOCH).toString())
                .doesNotContain("07700900123");
        assertThat(new CallerRegistered("c", true, Duration.ofMinutes(5), List.of()).slots()).isEmpty();
    }
}
