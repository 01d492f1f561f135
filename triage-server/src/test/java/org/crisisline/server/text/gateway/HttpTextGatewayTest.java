package org.crisisline.server.text.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.crisisline.server.audit.PhoneNumber;
import org.crisisline.server.text.TextDeliveryException;
import org.crisisline.server.text.TextMessage;
import org.crisisline.server.text.TextReceipt;
import org.crisisline.server.text.TextRecipient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The HTTP gateway against a real local HTTP server standing in for an SMS provider. */
@ExtendWith(VertxExtension.class)
class HttpTextGatewayTest {
    private static final TextMessage MESSAGE = new TextMessage(
            new TextRecipient(PhoneNumber.parse("07700 900123").orElseThrow(), "c_pseudonym000001"),
            "cafe:leeds-haven", "Leeds Haven, 12 Kirkstall Road. Open now until 23:00.");

    private HttpTextGateway gateway;

    @AfterEach
    void close() throws Exception {
        if (gateway != null) {
            gateway.close().await(5, TimeUnit.SECONDS);
        }
    }

    @Test
    @DisplayName("sends the number, the text and the reference as JSON with the bearer token; a 2xx is a receipt with the provider's id")
    void sends(Vertx vertx) throws Exception {
        AtomicReference<JsonObject> received = new AtomicReference<>();
        AtomicReference<String> authorization = new AtomicReference<>();
        int port = provider(vertx, request -> request.body().onSuccess(body -> {
            received.set(body.toJsonObject());
            authorization.set(request.getHeader("Authorization"));
            request.response().setStatusCode(202).putHeader("Content-Type", "application/json")
                    .end(new JsonObject().put("id", "msg-42").encode());
        }));
        gateway = gatewayTo(vertx, port, Duration.ofSeconds(2));

        TextReceipt receipt = gateway.send(MESSAGE).toCompletableFuture().get(5, TimeUnit.SECONDS);

        assertThat(receipt.reference()).isEqualTo("msg-42");
        assertThat(authorization.get()).isEqualTo("Bearer t0ken");
        assertThat(received.get().getString("to")).isEqualTo("+447700900123");
        assertThat(received.get().getString("message")).isEqualTo(MESSAGE.text());
        assertThat(received.get().getString("reference")).isEqualTo("cafe:leeds-haven");
    }

    @Test
    @DisplayName("a provider that does not answer within the timeout fails the text, without the number or the text in the error")
    void timesOut(Vertx vertx) throws Exception {
        int port = provider(vertx, request -> {
            // never answers
        });
        gateway = gatewayTo(vertx, port, Duration.ofMillis(300));

        long started = System.nanoTime();
        Throwable failure = failureOf(gateway);

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(3));
        assertThat(failure).isInstanceOf(TextDeliveryException.class).hasMessageContaining("in time");
        assertThat(failure.getMessage()).doesNotContain("900123").doesNotContain("Leeds");
    }

    @Test
    @DisplayName("a non-2xx answer fails the text, naming the status")
    void refused(Vertx vertx) throws Exception {
        int port = provider(vertx, request -> request.response().setStatusCode(503).end("busy"));
        gateway = gatewayTo(vertx, port, Duration.ofSeconds(2));

        assertThat(failureOf(gateway)).isInstanceOf(TextDeliveryException.class).hasMessageContaining("503");
    }

    @Test
    @DisplayName("a provider that cannot be reached fails the text")
    void unreachable(Vertx vertx) throws Exception {
        io.vertx.core.http.HttpServer closed = vertx.createHttpServer().requestHandler(r -> r.response().end());
        int port = closed.listen(0).await(5, TimeUnit.SECONDS).actualPort();
        closed.close().await(5, TimeUnit.SECONDS);
        gateway = gatewayTo(vertx, port, Duration.ofSeconds(2));

        assertThat(failureOf(gateway)).isInstanceOf(TextDeliveryException.class)
                .hasMessageContaining("could not be reached");
    }

    private static int provider(Vertx vertx, Handler<HttpServerRequest> handler) throws Exception {
        return vertx.createHttpServer().requestHandler(handler).listen(0).await(5, TimeUnit.SECONDS).actualPort();
    }

    private static HttpTextGateway gatewayTo(Vertx vertx, int port, Duration timeout) {
        return new HttpTextGateway(vertx, URI.create("http://127.0.0.1:" + port + "/sms"), "t0ken", timeout);
    }

    private static Throwable failureOf(HttpTextGateway gateway) throws Exception {
        try {
            gateway.send(MESSAGE).toCompletableFuture().get(5, TimeUnit.SECONDS);
        } catch (ExecutionException | CompletionException e) {
            return e.getCause();
        }
        throw new AssertionError("the text was sent");
    }
}
