package org.crisisline.server.referral;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.VerticleBase;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.crisisline.server.pathway.cmht.CmhtDirectory;
import org.crisisline.server.pathway.cmht.CmhtTeam;
import org.crisisline.server.pathway.config.ReferralDeliverySettings;
import org.crisisline.server.pathway.config.ReferralEndpoint;
import org.crisisline.server.pathway.fhir.ChaseReminderMapper;
import org.crisisline.server.pathway.fhir.FhirJson;
import org.crisisline.server.pathway.fhir.ServiceRequestMapper;
import org.crisisline.server.pathway.referral.Referral;
import org.crisisline.server.pathway.referral.ReferralId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers queued referrals to their teams and chases the unacknowledged ones. Every
 * {@code delivery-check-every} it takes the referrals whose outbox entries are due, renders each as a FHIR R4
 * ServiceRequest and POSTs it to the endpoint its team names ({@link ReferralDeliverySettings}), with
 * {@code Authorization: Bearer <token>}, {@code Idempotency-Key: <referral id>} (the same on every attempt, so a
 * resend is harmless) and the delivery timeout. A 2xx answer marks the referral delivered and settles its
 * entry; any other answer, a timeout, a team no longer in the directory or an endpoint not configured is a
 * failure the outbox retries with backoff and flags to leads, never drops. Every {@code chase-check-every} it
 * chases the referrals due for chasing ({@code ReferralLifecycle.chase}). Each change is journalled.
 *
 * <p>Threading: all work on this verticle's event loop; one attempt per referral at a time.
 */
public final class ReferralDeliveryVerticle extends VerticleBase {
    private static final Logger log = LoggerFactory.getLogger(ReferralDeliveryVerticle.class);
    private static final String FHIR_JSON = "application/fhir+json";

    private final ReferralDesk desk;
    private final Supplier<CmhtDirectory> teams;
    private final ReferralDeliverySettings settings;
    private final Clock clock;
    private final ServiceRequestMapper mapper = new ServiceRequestMapper();
    private final ChaseReminderMapper reminders = new ChaseReminderMapper();
    private final Set<ReferralId> inFlight = new HashSet<>();
    private FhirJson fhir;
    private HttpClient client;
    private long deliveryTimer;
    private long chaseTimer;

    public ReferralDeliveryVerticle(ReferralDesk desk, Supplier<CmhtDirectory> teams, ReferralDeliverySettings settings,
            Clock clock) {
        this.desk = Objects.requireNonNull(desk, "desk");
        this.teams = Objects.requireNonNull(teams, "teams");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public Future<?> start() {
        int timeoutMillis = (int) Math.min(Integer.MAX_VALUE, settings.timeout().toMillis());
        client = vertx.createHttpClient(new HttpClientOptions().setConnectTimeout(timeoutMillis)
                .setIdleTimeout(timeoutMillis).setIdleTimeoutUnit(TimeUnit.MILLISECONDS));
        // HAPI's FHIR context takes about a second to build: not on the event loop.
        return vertx.executeBlocking(FhirJson::new).onSuccess(ready -> {
            fhir = ready;
            deliveryTimer = vertx.setPeriodic(settings.deliveryCheckEvery().toMillis(), id -> deliveryPass()
                    .onFailure(e -> log.error("a referral delivery pass failed; the next pass retries", e)));
            chaseTimer = vertx.setPeriodic(settings.chaseCheckEvery().toMillis(), id -> chasePass()
                    .onFailure(e -> log.error("a referral chasing pass failed; the next pass retries", e)));
        });
    }

    @Override
    public Future<?> stop() {
        vertx.cancelTimer(deliveryTimer);
        vertx.cancelTimer(chaseTimer);
        return client == null ? Future.succeededFuture() : client.close();
    }

    /** One pass over the due referrals, on this verticle's event loop (the timer's, or a test's, without waiting). */
    public Future<Void> deliverDue() {
        Promise<Void> done = Promise.promise();
        context.runOnContext(v -> deliveryPass().onComplete(done));
        return done.future();
    }

    /** One pass over the referrals due for chasing (and archiving), on this verticle's event loop. */
    public Future<Void> chaseDue() {
        Promise<Void> done = Promise.promise();
        context.runOnContext(v -> chasePass().onComplete(done));
        return done.future();
    }

    private Future<Void> deliveryPass() {
        return desk.book().compose(book -> Future.join(book.dueForDelivery(clock.instant()).stream()
                .filter(referral -> inFlight.add(referral.id()))
                .map(referral -> claimedAttempt(referral).eventually(() -> {
                    inFlight.remove(referral.id());
                    return Future.succeededFuture();
                }))
                .toList())).mapEmpty();
    }

    /**
     * Chases the referrals due for it (each chase recorded, then a reminder sent to the team), then archives the
     * settled ones beyond the newest {@code keep-settled}.
     */
    private Future<Void> chasePass() {
        return desk.book().compose(book -> Future.join(book.referrals().stream()
                        .filter(referral -> desk.watch().isDueForChasing(referral, clock.instant()))
                        .map(referral -> desk.apply(referral.id(), desk.lifecycle()::chase, ReferralJournal.By.DELIVERY)
                                .compose(this::remind))
                        .toList()))
                .eventually(() -> desk.archiveSettled(settings.keepSettled()))
                .mapEmpty();
    }

    /**
     * Sends the team a FHIR Communication reminding it of the referral, to {@code Communication} beside its
     * ServiceRequest endpoint. Best effort: the chase is recorded and shown to leads whatever happens, a failed
     * reminder is logged (ids only), and the next chase sends another.
     */
    private Future<Void> remind(Referral chased) {
        String key = ChaseReminderMapper.reminderId(chased);
        Future<Integer> sent;
        try {
            Target target = target(chased);
            sent = send(target, target.endpoint().url().resolve("Communication"), key,
                    fhir.encode(reminders.toReminder(chased, target.team())));
        } catch (DeliveryFailure failure) {
            sent = Future.failedFuture(failure);
        }
        return sent.transform(done -> {
            if (done.failed() || done.result() < 200 || done.result() >= 300) {
                log.warn("referral {}: the chase reminder {} did not reach the team: {}", chased.id(), key,
                        done.failed() ? reason(done.cause()) : "HTTP " + done.result());
            }
            return Future.succeededFuture();
        });
    }

    /**
     * Claims the referral for the length of one attempt and a margin, then attempts it; another node that
     * found it due at the same time does not send it too.
     */
    private Future<Void> claimedAttempt(Referral referral) {
        Instant leaseEnds = clock.instant().plus(settings.timeout().multipliedBy(2));
        return desk.claimDelivery(referral.id(), leaseEnds)
                .compose(claimed -> claimed ? attempt(referral) : Future.succeededFuture());
    }

    private Future<Void> attempt(Referral referral) {
        ReferralId id = referral.id();
        ReferralJournal.By by = ReferralJournal.By.DELIVERY;
        return post(referral).transform(sent -> {
            if (sent.failed()) {
                return desk.deliveryFailed(id, reason(sent.cause()), by);
            }
            int status = sent.result();
            return status >= 200 && status < 300
                    ? desk.apply(id, desk.lifecycle()::delivered, by).mapEmpty()
                    : desk.deliveryFailed(id, "the team's endpoint answered HTTP " + status, by);
        });
    }

    /** Sends the referral; the HTTP status the endpoint answered. */
    private Future<Integer> post(Referral referral) {
        try {
            Target target = target(referral);
            return send(target, target.endpoint().url(), referral.id().value(),
                    fhir.encode(mapper.toServiceRequest(referral, target.team())));
        } catch (DeliveryFailure failure) {
            return Future.failedFuture(failure);
        }
    }

    /** Where a referral goes: its team (still in the directory) and the team's configured endpoint. */
    private record Target(CmhtTeam team, String endpointId, ReferralEndpoint endpoint) {
    }

    private Target target(Referral referral) {
        CmhtTeam team = teams.get().team(referral.request().team()).orElseThrow(() ->
                new DeliveryFailure("team " + referral.request().team() + " is no longer in the CMHT directory"));
        String endpointId = team.referralEndpointId();
        ReferralEndpoint endpoint = settings.endpoint(endpointId).orElseThrow(() ->
                new DeliveryFailure("no endpoint '" + endpointId + "' is configured "
                        + "(pathway.referral.endpoints." + endpointId + ".url)"));
        return new Target(team, endpointId, endpoint);
    }

    /** POSTs a FHIR resource with the endpoint's token and an idempotency key; the HTTP status answered. */
    private Future<Integer> send(Target target, URI url, String idempotencyKey, String body) {
        RequestOptions request = new RequestOptions().setMethod(HttpMethod.POST)
                .setAbsoluteURI(url.toString())
                .putHeader(HttpHeaders.CONTENT_TYPE, FHIR_JSON)
                .putHeader(HttpHeaders.ACCEPT, FHIR_JSON + ", application/json")
                .putHeader(HttpHeaders.AUTHORIZATION, "Bearer " + target.endpoint().token())
                .putHeader("Idempotency-Key", idempotencyKey);
        long timeout = settings.timeout().toMillis();
        return client.request(request)
                .compose(sending -> sending.send(Buffer.buffer(body)))
                .compose(answer -> answer.body().map(ignored -> answer.statusCode()))
                .timeout(timeout, TimeUnit.MILLISECONDS)
                .recover(failure -> Future.failedFuture(failure instanceof TimeoutException
                        ? new DeliveryFailure("no answer from endpoint '" + target.endpointId() + "' within "
                                + settings.timeout().toMillis() + " ms")
                        : failure));
    }

    private static String reason(Throwable failure) {
        if (failure instanceof DeliveryFailure) {
            return failure.getMessage();
        }
        return "could not reach the team's endpoint: " + failure.getClass().getSimpleName()
                + (failure.getMessage() == null ? "" : " " + failure.getMessage());
    }

    /** A delivery that failed for a reason we can name. */
    private static final class DeliveryFailure extends RuntimeException {
        DeliveryFailure(String message) {
            super(message, null, false, false);
        }
    }
}
