package org.crisisline.load.agibench;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.crisisline.telephony.agi.IvrQueue;
import org.crisisline.telephony.agi.IvrServer;
import org.crisisline.telephony.agi.IvrServerOptions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@DisplayName("agi-bench")
class AgiBenchTest {
    @Test
    @DisplayName("answers commands as the captured Asterisk did")
    void recordedReplies() {
        AgiCaller.Recorded recorded = AgiCaller.Recorded.load();

        assertThat(recorded.environment()).first().isEqualTo("agi_network: yes");
        assertThat(recorded.replies()).containsEntry("ANSWER", "200 result=0")
                .containsEntry("GET FULL VARIABLE", "200 result=1 (07700900123)")
                .containsEntry("STREAM FILE", "200 result=0 endpos=3404")
                .containsEntry("CHANNEL STATUS", "200 result=6");
        assertThat(AgiCaller.verb("GET FULL VARIABLE ${CALLERID(num)}")).isEqualTo("GET FULL VARIABLE");
        assertThat(AgiCaller.verb("EXEC Playback x")).isEqualTo("EXEC");
    }

    @Test
    @Timeout(15)
    @DisplayName("a one-second run holds every caller, and with an offer books every callback")
    void shortRuns() throws Exception {
        for (boolean offer : new boolean[] {false, true}) {
            Vertx vertx = Vertx.vertx();
            QueueResponder queue = new QueueResponder(vertx, offer);
            queue.start().toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
            IvrServerOptions options = IvrServerOptions.defaults().withPort(0);
            IvrServer server = IvrServer.create(vertx, options,
                    IvrQueue.overEventBus(vertx, options.ivr().queueTimeout()), Clock.systemUTC());
            int port = server.start().toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);

            AgiBenchCommand.Row row = AgiBenchCommand.runRow(AgiCaller.Recorded.load(), port, 2,
                    new AgiBenchOptions(List.of(2), offer, 0, 1));
            server.stop().toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
            vertx.close().toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);

            assertThat(row.completed()).isPositive();
            assertThat(row.failed()).isZero();
            assertThat(row.routes()).containsOnlyKeys(offer ? "callback" : "hold");
            assertThat(row.commands()).isGreaterThan(5 * row.completed());
            assertThat(queue.registered.sum()).isGreaterThanOrEqualTo(row.completed());
            assertThat(queue.inDanger.sum()).isZero();
            if (offer) {
                assertThat(queue.booked.sum()).isPositive();
            }
        }
    }
}
