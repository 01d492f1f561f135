package org.crisisline.server.text.gateway;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.crisisline.server.text.TextDeliveryException;
import org.crisisline.server.text.TextMessage;
import org.crisisline.server.text.TextMessageGateway;
import org.crisisline.server.text.TextReceipt;

/**
 * Sends a text by POSTing {@code {"to": E.164, "message": text, "reference": subject}} to an SMS provider's
 * URL with {@code Authorization: Bearer <token>}. A 2xx answer is a receipt (the provider's {@code id} when
 * its answer is a JSON object with one); any other status, no answer within the timeout or a connection
 * failure fails the stage with a {@link TextDeliveryException} that names the status or the cause, never the
 * number or the text. Non-blocking; safe from any thread.
 */
public final class HttpTextGateway implements TextMessageGateway {
    private final HttpClient client;
    private final URI url;
    private final String token;
    private final Duration timeout;

    public HttpTextGateway(Vertx vertx, URI url, String token, Duration timeout) {
        this.url = Objects.requireNonNull(url, "url");
        this.token = Objects.requireNonNull(token, "token");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        this.client = vertx.createHttpClient(new HttpClientOptions()
                .setConnectTimeout((int) Math.min(Integer.MAX_VALUE, timeout.toMillis())));
    }

    @Override
    public CompletionStage<TextReceipt> send(TextMessage message) {
        RequestOptions request = new RequestOptions()
                .setMethod(HttpMethod.POST)
                .setAbsoluteURI(url.toString())
                .setIdleTimeout(timeout.toMillis())
                .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                .putHeader(HttpHeaders.AUTHORIZATION, "Bearer " + token);
        Buffer body = new JsonObject().put("to", message.to().number().e164()).put("message", message.text())
                .put("reference", message.subject()).toBuffer();
        return client.request(request)
                .compose(outgoing -> outgoing.send(body))
                .compose(this::receipt)
                .timeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
                .recover(HttpTextGateway::asDeliveryFailure)
                .toCompletionStage();
    }

    private Future<TextReceipt> receipt(HttpClientResponse response) {
        int status = response.statusCode();
        return response.body().map(answer -> {
            if (status < 200 || status > 299) {
                throw new TextDeliveryException("the text gateway answered " + status);
            }
            return new TextReceipt(providerId(answer).orElse("http-" + status));
        });
    }

    private static Optional<String> providerId(Buffer answer) {
        try {
            return Optional.ofNullable(answer.toJsonObject().getValue("id")).map(String::valueOf);
        } catch (RuntimeException notJson) {
            return Optional.empty();
        }
    }

    private static Future<TextReceipt> asDeliveryFailure(Throwable failure) {
        if (failure instanceof TextDeliveryException known) {
            return Future.failedFuture(known);
        }
        String why = failure instanceof TimeoutException || String.valueOf(failure.getMessage()).contains("timeout")
                ? "the text gateway did not answer in time"
                : "the text gateway could not be reached (" + failure.getClass().getSimpleName() + ")";
        return Future.failedFuture(new TextDeliveryException(why, failure));
    }

    /** Closes the HTTP client. */
    public Future<Void> close() {
        return client.close();
    }
}
