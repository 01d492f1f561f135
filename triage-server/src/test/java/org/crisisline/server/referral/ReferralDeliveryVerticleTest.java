package org.crisisline.server.referral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.crisisline.server.pathway.testing.ReferralRequestBuilder.aReferralRequest;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.junit5.VertxExtension;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.crisisline.queue.testing.MutableClock;
import org.crisisline.server.audit.AuditRecord;
import org.crisisline.server.audit.InMemoryAuditLog;
import org.crisisline.server.pathway.cmht.CmhtDirectory;
import org.crisisline.server.pathway.config.PathwaySettingsReader;
import org.crisisline.server.pathway.config.ReferralDeliverySettings;
import org.crisisline.server.pathway.config.ReferralEndpoint;
import org.crisisline.server.pathway.fhir.FhirJson;
import org.crisisline.server.pathway.Result;
import org.crisisline.server.pathway.outbox.OutboxEntry;
import org.crisisline.server.pathway.referral.Referral;
import org.crisisline.server.pathway.referral.ReferralBook;
import org.crisisline.server.pathway.referral.ReferralDelivery;
import org.crisisline.server.pathway.referral.ReferralLifecycle;
import org.crisisline.server.pathway.referral.ReferralStatus;
import org.crisisline.server.pathway.referral.ReferralWatch;
import org.crisisline.server.pathway.referral.RejectionReason;
import org.crisisline.server.pathway.referral.TeamRejection;
import org.crisisline.server.pathway.testing.TeamBuilder;
import org.hl7.fhir.r4.model.Communication;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The delivery verticle against a real local HTTP server playing the team's endpoint. Passes are driven by
 * hand ({@code deliverDue}) on a hand-moved clock, so backoff is stepped over without sleeping.
 */
@ExtendWith(VertxExtension.class)
@DisplayName("The referral delivery verticle")
class ReferralDeliveryVerticleTest {
    private static final String TOKEN = "leeds-west-token-0123456789";
    private static final String ENDPOINT = "endpoint-leeds-west";
    private static final ReferralJournal.By PARTNER = new ReferralJournal.By("partner:" + ENDPOINT, List.of());

    private final MutableClock clock = MutableClock.at("2026-11-27T19:00:00Z");
    private final InMemoryAuditLog audit = new InMemoryAuditLog();
    private final ReferralDesk desk = new ReferralDesk(new InMemoryReferralStore(PathwaySettingsReader.defaults().outbox()),
            new ReferralLifecycle(clock, PathwaySettingsReader.defaults().referral()),
            new ReferralWatch(PathwaySettingsReader.defaults().referral()), new ReferralJournal(audit, clock),
            ReferralBook.empty(PathwaySettingsReader.defaults().outbox()), clock);
    private final CmhtDirectory teams = new CmhtDirectory(List.of(TeamBuilder.aTeam("leeds-west").covering("LS6").build()));
    private final List<HttpServerRequest> received = new CopyOnWriteArrayList<>();
    private final List<String> bodies = new CopyOnWriteArrayList<>();
    private Vertx vertx;
    private HttpServer team;

    @BeforeEach
    void start(Vertx vertx) {
        this.vertx = vertx;
    }

    @AfterEach
    void stop() throws Exception {
        if (team != null) {
            await(team.close());
        }
    }

    /** The team's endpoint: answers each request with the next status (the last one repeats), or never. */
    private int teamAnswering(int... statuses) throws Exception {
        AtomicInteger next = new AtomicInteger();
        team = await(vertx.createHttpServer().requestHandler(request -> request.body().onSuccess(body -> {
            received.add(request);
            bodies.add(body.toString());
            int status = statuses[Math.min(next.getAndIncrement(), statuses.length - 1)];
            if (status > 0) {
                request.response().setStatusCode(status).end();
            }
        })).listen(0, "127.0.0.1"));
        return team.actualPort();
    }

    private ReferralDeliveryVerticle deployed(Map<String, ReferralEndpoint> endpoints, Duration timeout) throws Exception {
        return deployed(endpoints, timeout, 500);
    }

    private ReferralDeliveryVerticle deployed(Map<String, ReferralEndpoint> endpoints, Duration timeout, int keepSettled)
            throws Exception {
        ReferralDeliveryVerticle verticle = new ReferralDeliveryVerticle(desk, () -> teams,
                new ReferralDeliverySettings(endpoints, timeout, Duration.ofHours(1), Duration.ofHours(1), keepSettled),
                clock);
        await(vertx.deployVerticle(verticle));
        return verticle;
    }

    private static Map<String, ReferralEndpoint> endpointAt(int port) {
        return Map.of(ENDPOINT, new ReferralEndpoint(ENDPOINT, URI.create("http://127.0.0.1:" + port + "/fhir/ServiceRequest"),
                TOKEN));
    }

    private Referral opened() throws Exception {
        return await(desk.open(List.of(aReferralRequest().urgent().build()), new ReferralJournal.By("op1", List.of())))
                .get(0);
    }

    private Referral current(Referral referral) throws Exception {
        return await(desk.book()).referral(referral.id()).orElseThrow();
    }

    private OutboxEntry entryOf(Referral referral) throws Exception {
        return await(desk.book()).outbox().entry(ReferralDelivery.entryId(referral.id())).orElseThrow();
    }

    /** A referral made on {@code call}, delivered to the team, which then answers it with {@code answer}. */
    private Referral answered(ReferralDeliveryVerticle verticle, String call,
                              Function<Referral, Result<Referral>> answer) throws Exception {
        Referral referral = await(desk.open(List.of(aReferralRequest().onCall(call).build()),
                new ReferralJournal.By("op1", List.of()))).get(0);
        await(verticle.deliverDue());
        await(desk.apply(referral.id(), desk.lifecycle()::acknowledge, PARTNER));
        return await(desk.apply(referral.id(), answer, PARTNER));
    }

    /** Steps the clock past any backoff, then runs one delivery pass. */
    private void passAfterBackoff(ReferralDeliveryVerticle verticle) throws Exception {
        clock.advance(PathwaySettingsReader.defaults().outbox().maxBackoff());
        await(verticle.deliverDue());
    }

    @Test
    @DisplayName("a team that fails twice then answers 2xx gets the referral three times with one idempotency key; it is delivered once")
    void retriedUntilDelivered() throws Exception {
        ReferralDeliveryVerticle verticle = deployed(endpointAt(teamAnswering(503, 500, 202)), Duration.ofSeconds(5));
        Referral referral = opened();

        await(verticle.deliverDue());
        assertThat(current(referral).status()).isEqualTo(ReferralStatus.QUEUED);
        assertThat(entryOf(referral).lastFailure()).contains("the team's endpoint answered HTTP 503");
        await(verticle.deliverDue());
        assertThat(received).as("not retried before its backoff").hasSize(1);
        passAfterBackoff(verticle);
        passAfterBackoff(verticle);
        passAfterBackoff(verticle);
        passAfterBackoff(verticle);

        assertThat(current(referral).status()).isEqualTo(ReferralStatus.DELIVERED);
        assertThat(received).hasSize(3);
        assertThat(received).allSatisfy(request -> {
            assertThat(request.method().name()).isEqualTo("POST");
            assertThat(request.path()).isEqualTo("/fhir/ServiceRequest");
            assertThat(request.getHeader("Idempotency-Key")).isEqualTo(referral.id().value());
            assertThat(request.getHeader("Authorization")).isEqualTo("Bearer " + TOKEN);
            assertThat(request.getHeader("Content-Type")).isEqualTo("application/fhir+json");
        });
        ServiceRequest sent = new FhirJson().parseServiceRequest(bodies.get(2));
        assertThat(sent.getIdentifierFirstRep().getValue()).isEqualTo(referral.id().value());
        assertThat(sent.getPriority()).isEqualTo(ServiceRequest.ServiceRequestPriority.URGENT);
        assertThat(bodies.get(2)).doesNotContain("+44").doesNotContain("07");
        assertThat(actions()).containsSubsequence("referral.queued", "referral.delivery-failed",
                "referral.delivery-failed", "referral.delivered");
        assertThat(actions()).filteredOn("referral.delivered"::equals).hasSize(1);
    }

    @Test
    @DisplayName("a team whose endpoint is not configured fails with that reason, is retried, and is flagged to leads, never dropped")
    void notConfiguredIsRetriedAndFlagged() throws Exception {
        ReferralDeliveryVerticle verticle = deployed(Map.of(), Duration.ofSeconds(5));
        Referral referral = opened();
        int flagAfter = PathwaySettingsReader.defaults().outbox().flagAfterFailures();

        await(verticle.deliverDue());
        for (int i = 1; i < flagAfter; i++) {
            passAfterBackoff(verticle);
        }

        OutboxEntry entry = entryOf(referral);
        assertThat(entry.isPending()).isTrue();
        assertThat(entry.failedAttempts()).isEqualTo(flagAfter);
        assertThat(entry.flaggedToLeads()).isTrue();
        assertThat(entry.lastFailure()).get().asString().contains("no endpoint '" + ENDPOINT + "' is configured");
        assertThat(desk.report(clock.instant()).deliveryFlagged()).extracting(Referral::id).containsExactly(referral.id());
        assertThat(actions()).contains("referral.entry-flagged-to-leads");
        assertThat(await(desk.book()).dueForDelivery(clock.instant().plus(Duration.ofDays(1)))).hasSize(1);
    }

    @Test
    @DisplayName("a team that never answers times out: the attempt fails with a clear reason and is retried")
    void timeoutIsAFailure() throws Exception {
        ReferralDeliveryVerticle verticle = deployed(endpointAt(teamAnswering(0)), Duration.ofMillis(300));
        Referral referral = opened();

        await(verticle.deliverDue());
        passAfterBackoff(verticle);

        assertThat(received).hasSize(2);
        assertThat(entryOf(referral).failedAttempts()).isEqualTo(2);
        assertThat(entryOf(referral).lastFailure()).get().asString().contains("no answer").contains("300 ms");
        assertThat(current(referral).status()).isEqualTo(ReferralStatus.QUEUED);
    }

    @Test
    @DisplayName("a delivered referral not acknowledged within chase-after is chased once per interval, audited, and the team is sent a FHIR reminder about it")
    void chasing() throws Exception {
        ReferralDeliveryVerticle verticle = deployed(endpointAt(teamAnswering(200)), Duration.ofSeconds(5));
        Referral referral = opened();
        await(verticle.deliverDue());

        await(verticle.chaseDue());
        assertThat(current(referral).chases()).isZero();
        clock.advance(PathwaySettingsReader.defaults().referral().chaseAfter(referral.urgency()));
        await(verticle.chaseDue());
        await(verticle.chaseDue());

        assertThat(current(referral).chases()).isEqualTo(1);
        assertThat(actions()).filteredOn("referral.chased"::equals).hasSize(1);
        assertThat(received).extracting(HttpServerRequest::path)
                .containsExactly("/fhir/ServiceRequest", "/fhir/Communication");
        HttpServerRequest reminder = received.get(1);
        assertThat(reminder.getHeader("Idempotency-Key")).isEqualTo(referral.id().value() + "-chase-1");
        assertThat(reminder.getHeader("Authorization")).isEqualTo("Bearer " + TOKEN);
        Communication sent = new FhirJson().parseCommunication(bodies.get(1));
        assertThat(sent.getCategoryFirstRep().getCodingFirstRep().getCode()).isEqualTo("reminder");
        assertThat(sent.getAboutFirstRep().getIdentifier().getValue()).isEqualTo(referral.id().value());
        assertThat(sent.getPriority()).isEqualTo(Communication.CommunicationPriority.URGENT);
        assertThat(sent.getPayloadFirstRep().getContentStringType().getValue())
                .contains(referral.id().value()).doesNotContain(referral.request().caller().pseudonym());
    }

    @Test
    @DisplayName("a reminder the team's server refuses is logged, and the chase is still recorded")
    void refusedReminderKeepsTheChase() throws Exception {
        ReferralDeliveryVerticle verticle = deployed(endpointAt(teamAnswering(202, 404)), Duration.ofSeconds(5));
        Referral referral = opened();
        await(verticle.deliverDue());
        clock.advance(PathwaySettingsReader.defaults().referral().chaseAfter(referral.urgency()));

        await(verticle.chaseDue());

        assertThat(received).hasSize(2);
        assertThat(current(referral).chases()).isEqualTo(1);
        assertThat(current(referral).status()).isEqualTo(ReferralStatus.DELIVERED);
    }

    private List<String> actions() throws Exception {
        return await(audit.records()).stream().map(AuditRecord::entry).map(e -> e.action()).toList();
    }

    private static <T> T await(Future<T> future) throws Exception {
        return future.toCompletionStage().toCompletableFuture().get(15, TimeUnit.SECONDS);
    }

    @Test
    @DisplayName("settled referrals beyond the newest kept leave the book for the archive, audited; a team's repeated answer still finds them there, a contrary one is refused, and the same outcome sent again opens nothing twice")
    void settledReferralsAreArchived() throws Exception {
        ReferralDeliveryVerticle verticle = deployed(endpointAt(teamAnswering(202)), Duration.ofSeconds(5), 1);
        Referral oldest = answered(verticle, "call-1", desk.lifecycle()::accept);
        Referral newer = answered(verticle, "call-2", desk.lifecycle()::accept);
        Referral open = await(desk.open(List.of(aReferralRequest().onCall("call-3").build()),
                new ReferralJournal.By("op1", List.of()))).get(0);

        await(verticle.chaseDue());

        ReferralBook book = await(desk.book());
        assertThat(book.referrals()).extracting(Referral::id).containsExactly(newer.id(), open.id());
        assertThat(book.outbox().entry(ReferralDelivery.entryId(oldest.id()))).isEmpty();
        assertThat(await(desk.find(oldest.id()))).contains(oldest);
        assertThat(await(audit.records())).extracting(AuditRecord::entry).anySatisfy(entry -> {
            assertThat(entry.action()).isEqualTo("referral.archived");
            assertThat(entry.targetId()).isEqualTo(oldest.id().value());
        });
        assertThat(await(desk.apply(oldest.id(), desk.lifecycle()::accept, PARTNER))).isEqualTo(oldest);
        assertThat(desk.apply(oldest.id(), referral -> desk.lifecycle().rejectByTeam(referral,
                        new TeamRejection(RejectionReason.OUT_OF_AREA, "not ours", Set.of())), PARTNER)
                .toCompletionStage().toCompletableFuture())
                .failsWithin(Duration.ofSeconds(5)).withThrowableOfType(ExecutionException.class)
                .havingCause().isInstanceOfSatisfying(ReferralRefused.class,
                        refused -> assertThat(refused.kind()).isEqualTo(ReferralRefused.Kind.CONFLICT));
        assertThat(await(desk.open(List.of(aReferralRequest().onCall("call-1").build()),
                new ReferralJournal.By("op1", List.of())))).containsExactly(oldest);
        assertThat(await(desk.book()).referral(oldest.id())).isEmpty();
    }
}
