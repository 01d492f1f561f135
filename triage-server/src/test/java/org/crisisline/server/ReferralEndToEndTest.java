package org.crisisline.server;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.crisisline.queue.model.OperativeId;
import org.crisisline.queue.model.Skills;
import org.crisisline.server.auth.web.Browser;
import org.crisisline.server.pathway.fhir.FhirJson;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.slf4j.LoggerFactory;

/**
 * A CMHT referral end to end through the embedded server: the simulated PBX puts a caller through the IVR
 * to operative op1; op1 signs in over HTTP and records an outcome with a referral; the delivery verticle
 * POSTs a FHIR ServiceRequest to a real local HTTP server playing the team; the team acknowledges over the
 * partner route with its bearer token; and the clinical lead's referral view and the
 * "awaiting acknowledgement" gauge on /metrics follow it. What the referral code logs holds no number.
 */
@DisplayName("a CMHT referral end to end")
class ReferralEndToEndTest {
    private static final String TOKEN = "leeds-west-e2e-token-0123456789";

    private final Vertx vertx = Vertx.vertx();
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final ListAppender<ILoggingEvent> journal = new ListAppender<>();
    private HttpServer team;
    private CrisislineServer server;

    /** What the team's endpoint was sent. */
    private record Received(String idempotencyKey, String authorization, String body) {
    }

    @AfterEach
    void stop() {
        if (server != null) {
            await(server.stop());
        }
        if (team != null) {
            await(team.close());
        }
        await(vertx.close());
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    @DisplayName("answered caller, outcome with a referral, FHIR ServiceRequest delivered, acknowledged by the team, seen by the lead")
    void referralIsDeliveredAndAcknowledged() throws Exception {
        team = await(vertx.createHttpServer().requestHandler(request -> request.body().onSuccess(body -> {
            received.add(new Received(request.getHeader("Idempotency-Key"), request.getHeader("Authorization"),
                    body.toString()));
            request.response().setStatusCode(202).end();
        })).listen(0, "127.0.0.1"));
        server = await(CrisislineServer.start(vertx, options(10).withPathway(Map.of(
                "pathway.referral.endpoints.leeds-west-fhir.url", "http://127.0.0.1:" + team.actualPort() + "/fhir/ServiceRequest",
                "pathway.referral.endpoints.leeds-west-fhir.token", TOKEN,
                "pathway.referral.delivery-check-every", "100ms"))));

        String referral = answeredCallReferred();

        until(() -> !received.isEmpty());
        Received sent = received.get(0);
        assertThat(sent.idempotencyKey()).isEqualTo(referral);
        assertThat(sent.authorization()).isEqualTo("Bearer " + TOKEN);
        ServiceRequest request = new FhirJson().parseServiceRequest(sent.body());
        assertThat(request.getIdentifierFirstRep().getValue()).isEqualTo(referral);
        assertThat(request.getStatus()).isEqualTo(ServiceRequest.ServiceRequestStatus.ACTIVE);
        assertThat(request.getPriority()).isEqualTo(ServiceRequest.ServiceRequestPriority.URGENT);
        assertThat(request.getPerformerFirstRep().getIdentifier().getValue()).isEqualTo("leeds-west");
        assertThat(request.getSubject().getIdentifier().getValue()).startsWith("c_");
        assertThat(sent.body()).doesNotContain("07700900");

        Browser lead = signedIn("lead");
        until(() -> statusSeenByLead(lead, referral).equals("DELIVERED"));
        until(() -> awaitingAcknowledgementGauge().equals("1.0"));
        assertThat(referralsView(lead).getJsonArray("awaitingAcknowledgement")).extracting(r -> ((JsonObject) r).getString("id"))
                .containsExactly(referral);

        WebClient partner = WebClient.create(vertx);
        HttpResponse<Buffer> acknowledged = await(partner.post(server.httpPort(), "localhost",
                        "/partner/referrals/" + referral + "/status")
                .putHeader("Authorization", "Bearer " + TOKEN)
                .sendJsonObject(new JsonObject().put("status", "acknowledged")));
        partner.close();
        assertThat(acknowledged.statusCode()).as(acknowledged.bodyAsString()).isEqualTo(200);

        JsonObject view = referralsView(lead);
        assertThat(view.getJsonArray("referrals")).singleElement()
                .satisfies(r -> assertThat(((JsonObject) r).getString("status")).isEqualTo("ACKNOWLEDGED"));
        assertThat(view.getJsonArray("awaitingAcknowledgement")).isEmpty();
        assertThat(received).as("delivered once").hasSize(1);
        until(() -> awaitingAcknowledgementGauge().equals("0.0"));
        // What the referral code logged names ids, teams and steps: never a number or the risk summary.
        assertThat(journal.list).extracting(ILoggingEvent::getFormattedMessage)
                .anyMatch(line -> line.startsWith("referral.delivered " + referral))
                .anyMatch(line -> line.startsWith("referral.acknowledged " + referral))
                .noneMatch(line -> line.contains("07700900") || line.contains("self-harm"));
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    @DisplayName("in the embedded default, the simulated CMHT takes the referral, acknowledges it, then accepts it")
    void demoTeamAnswersTheReferral() throws Exception {
        server = await(CrisislineServer.start(vertx, options(600)));

        String referral = answeredCallReferred();

        Browser lead = signedIn("lead");
        until(() -> statusSeenByLead(lead, referral).equals("ACCEPTED"));
        JsonObject view = referralsView(lead);
        assertThat(view.getJsonArray("referrals")).hasSize(1);
        assertThat(view.getJsonArray("awaitingAcknowledgement")).isEmpty();
        assertThat(view.getJsonArray("deliveryFlagged")).isEmpty();
    }

    /** A caller put through to op1, who signs in and records an urgent referral; the referral's id. */
    private String answeredCallReferred() throws Exception {
        await(server.pbx().placeCall("crisis", "no-danger-keep-waiting"));
        until(() -> server.routing().callFlow().answered() == 1);

        Browser op1 = signedIn("op1");
        HttpResponse<Buffer> current = op1.get("/api/operative/call");
        assertThat(current.statusCode()).as(current.bodyAsString()).isEqualTo(200);
        String call = current.bodyAsJsonObject().getString("id");
        HttpResponse<Buffer> outcome = op1.postJson("/api/calls/" + call + "/outcome", new JsonObject()
                .put("clinicalRisk", true)
                .put("pathways", new JsonArray().add(new JsonObject().put("type", "cmht-referral")
                        .put("team", "leeds-west").put("consent", true).put("urgency", "urgent")
                        .put("riskSummary", "Low mood for six weeks, thoughts of self-harm, no plan"))));
        assertThat(outcome.statusCode()).as(outcome.bodyAsString()).isEqualTo(201);
        return outcome.bodyAsJsonObject().getJsonArray("referrals").getString(0);
    }

    /** The Prometheus gauge of referrals awaiting acknowledgement, as /metrics shows it. */
    private String awaitingAcknowledgementGauge() {
        WebClient web = WebClient.create(vertx);
        try {
            String metrics = await(web.get(server.httpPort(), "localhost", "/metrics").send()).bodyAsString();
            Matcher gauge = Pattern.compile("(?m)^crisisline_referrals_awaiting_acknowledgement(?:\\{[^}]*})? (\\S+)$")
                    .matcher(metrics);
            return gauge.find() ? gauge.group(1) : "";
        } finally {
            web.close();
        }
    }

    @BeforeEach
    void captureReferralLogs() {
        journal.start();
        referralLogger().setLevel(Level.INFO);
        referralLogger().addAppender(journal);
    }

    @AfterEach
    void releaseReferralLogs() {
        referralLogger().detachAppender(journal);
        referralLogger().setLevel(null);
    }

    private static Logger referralLogger() {
        return (Logger) LoggerFactory.getLogger("org.crisisline.server.referral");
    }

    private ServerOptions options(double timeScale) {
        ServerOptions demo = ServerOptions.demo(timeScale);
        // op1 is the only operative, so the caller is answered by the person who then signs in.
        return demo.withRouting(demo.routing().withOperatives(Map.of(OperativeId.of("op1"), Skills.clinicallyQualified())))
                .withSimulatedPbx(new JsonObject()
                        .put("lines", new JsonArray().add(new JsonObject().put("name", "crisis").put("did", "08001234567")
                                .put("calls-per-hour", 0)))
                        .put("caller-patience", "100h").put("talk-time", "100h").put("operative-ring", "1s")
                        .put("operative-no-answer-probability", 0.0).put("withheld-number-probability", 0.0))
                .withPathway(Map.of("pathway.referral.delivery-check-every", "100ms"));
    }

    private Browser signedIn(String username) throws Exception {
        Browser browser = new Browser(vertx, server.httpPort());
        HttpResponse<Buffer> login = browser.login(username, server.demoPasswords().get(username));
        assertThat(login.statusCode()).as("sign-in as " + username).isEqualTo(200);
        return browser;
    }

    private static JsonObject referralsView(Browser lead) throws Exception {
        HttpResponse<Buffer> view = lead.get("/api/referrals");
        assertThat(view.statusCode()).as(view.bodyAsString()).isEqualTo(200);
        return view.bodyAsJsonObject();
    }

    private static String statusSeenByLead(Browser lead, String referral) {
        try {
            return referralsView(lead).getJsonArray("referrals").stream().map(JsonObject.class::cast)
                    .filter(r -> r.getString("id").equals(referral)).map(r -> r.getString("status"))
                    .findFirst().orElse("");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void until(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting");
            }
            Thread.sleep(20);
        }
    }

    private static <T> T await(Future<T> future) {
        try {
            return future.toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
