package org.crisisline.server.demo;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonObject;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A CMHT's referral inbox for the demo: it takes each FHIR ServiceRequest POSTed to {@code /fhir/ServiceRequest}
 * (201; the referral id is the {@code Idempotency-Key}), then, as a real team's system would, tells Crisisline
 * through the partner route that it has the referral ({@code acknowledged}) and later that it {@code accepted}
 * it. A repeated delivery of the same referral is answered 201 again and not answered twice.
 *
 * <p>Threading: runs on the event loop of the Vert.x it is started on; never blocks.
 */
public final class SimulatedCmhtTeam {
    private static final Logger log = LoggerFactory.getLogger(SimulatedCmhtTeam.class);
    private static final String INBOX = "/fhir/ServiceRequest";

    private final Vertx vertx;
    private final String token;
    private final Duration acknowledgeAfter;
    private final Duration acceptAfter;
    private final Map<String, Boolean> received = new ConcurrentHashMap<>();
    private final AtomicInteger answered = new AtomicInteger();
    private HttpServer server;
    private HttpClient client;
    private volatile String crisislineBase;

    /**
     * @param acknowledgeAfter how long after delivery the team acknowledges (real time)
     * @param acceptAfter      how long after the acknowledgement it accepts
     */
    public SimulatedCmhtTeam(Vertx vertx, Duration acknowledgeAfter, Duration acceptAfter) {
        this.vertx = Objects.requireNonNull(vertx, "vertx");
        this.acknowledgeAfter = Objects.requireNonNull(acknowledgeAfter, "acknowledgeAfter");
        this.acceptAfter = Objects.requireNonNull(acceptAfter, "acceptAfter");
        byte[] secret = new byte[24];
        new SecureRandom().nextBytes(secret);
        this.token = HexFormat.of().formatHex(secret);
    }

    /** Listens on a free loopback port; {@link #inboxUrl} is known once this completes. */
    public Future<SimulatedCmhtTeam> start() {
        client = vertx.createHttpClient();
        return vertx.createHttpServer().requestHandler(this::handle).listen(0, "127.0.0.1")
                .map(listening -> {
                    server = listening;
                    return this;
                });
    }

    /** Where Crisisline delivers this team's referrals. */
    public String inboxUrl() {
        return "http://127.0.0.1:" + server.actualPort() + INBOX;
    }

    /** The bearer token both ways: Crisisline sends it with each referral, the team with each status. */
    public String token() {
        return token;
    }

    /** Where the team sends statuses, e.g. {@code http://127.0.0.1:8080}; known only once Crisisline listens. */
    public void answerTo(String crisislineBaseUrl) {
        this.crisislineBase = Objects.requireNonNull(crisislineBaseUrl, "crisislineBaseUrl");
    }

    /** Statuses this team has had accepted by Crisisline. */
    public int statusesSent() {
        return answered.get();
    }

    private void handle(HttpServerRequest request) {
        String referral = request.getHeader("Idempotency-Key");
        boolean authorised = ("Bearer " + token).equals(request.getHeader(HttpHeaders.AUTHORIZATION));
        if (request.method() != HttpMethod.POST || !INBOX.equals(request.path())) {
            request.response().setStatusCode(404).end();
        } else if (!authorised || referral == null || referral.isBlank()) {
            request.response().setStatusCode(401).end();
        } else {
            request.body().onSuccess(body -> {
                request.response().setStatusCode(201).end();
                if (received.putIfAbsent(referral, true) == null) {
                    log.info("simulated CMHT received referral {} ({} bytes)", referral, body.length());
                    vertx.setTimer(acknowledgeAfter.toMillis(), t -> send(referral, "acknowledged")
                            .onSuccess(v -> vertx.setTimer(acceptAfter.toMillis(), u -> send(referral, "accepted"))));
                }
            });
        }
    }

    private Future<Void> send(String referral, String status) {
        if (crisislineBase == null) {
            return Future.failedFuture("the simulated CMHT does not know where Crisisline is yet");
        }
        RequestOptions post = new RequestOptions().setMethod(HttpMethod.POST)
                .setAbsoluteURI(crisislineBase + "/partner/referrals/" + referral + "/status")
                .putHeader(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .putHeader(HttpHeaders.CONTENT_TYPE, "application/json");
        return client.request(post)
                .compose(request -> request.send(new JsonObject().put("status", status).toBuffer()))
                .compose(response -> response.statusCode() / 100 == 2
                        ? Future.<Void>succeededFuture()
                        : Future.failedFuture("Crisisline answered " + response.statusCode()))
                .onSuccess(v -> {
                    answered.incrementAndGet();
                    log.info("simulated CMHT {} referral {}", status, referral);
                })
                .onFailure(e -> log.warn("simulated CMHT could not send '{}' for referral {}: {}", status, referral,
                        e.getMessage()));
    }

    public Future<Void> stop() {
        Future<Void> closed = server == null ? Future.succeededFuture() : server.close();
        return closed.compose(v -> client == null ? Future.succeededFuture() : client.close());
    }
}
