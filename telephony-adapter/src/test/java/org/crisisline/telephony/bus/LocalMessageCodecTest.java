package org.crisisline.telephony.bus;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("local messages on the event bus")
class LocalMessageCodecTest {
    record Ping(String text) implements LocalMessage {
    }

    private final Vertx vertx = Vertx.vertx();

    @AfterEach
    void close() throws Exception {
        vertx.close().await(5, TimeUnit.SECONDS);
    }

    @Test
    @DisplayName("a record is delivered as the same instance, with no options on the send")
    void recordsPassByReference() throws Exception {
        LocalMessageCodec.install(vertx);
        LocalMessageCodec.install(vertx);
        Ping ping = new Ping("hello");
        vertx.eventBus().<Ping>consumer("test.ping", message -> message.reply(message.body()));

        Object reply = vertx.eventBus().request("test.ping", ping).await(5, TimeUnit.SECONDS).body();

        assertThat(reply).isSameAs(ping);
    }
}
