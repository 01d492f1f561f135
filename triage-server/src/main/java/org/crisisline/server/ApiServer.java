package org.crisisline.server;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.function.Function;
import org.crisisline.queue.command.QueueCommand;
import org.crisisline.queue.config.QueueConfig;
import org.crisisline.queue.store.QueueStore;
import org.crisisline.server.audit.CallerPseudonym;
import org.crisisline.server.audit.FileAuditLog;
import org.crisisline.server.auth.InMemoryAccountStore;
import org.crisisline.server.auth.config.SecuritySettings;
import org.crisisline.server.auth.config.SecuritySettingsReader;
import org.crisisline.server.auth.web.Security;
import org.crisisline.server.history.RepeatCallerCount;
import org.crisisline.server.http.ApiDependencies;
import org.crisisline.server.http.HttpApi;
import org.crisisline.server.http.admin.AdminConfig;
import org.crisisline.server.metrics.CrisislineMetrics;
import org.crisisline.server.metrics.LoadBands;
import org.crisisline.server.metrics.QueueGauges;
import org.crisisline.server.pathway.config.PathwaySettings;
import org.crisisline.server.pathway.config.PathwaySettingsReader;
import org.crisisline.server.pathway.referral.ReferralBook;
import org.crisisline.server.pathway.referral.ReferralLifecycle;
import org.crisisline.server.pathway.referral.ReferralWatch;
import org.crisisline.server.pathway.rules.PathwayPolicy;
import org.crisisline.server.referral.ReferralDeliveryVerticle;
import org.crisisline.server.referral.ReferralDesk;
import org.crisisline.server.referral.ReferralJournal;
import org.crisisline.server.softphone.SoftphoneSettings;
import org.crisisline.server.softphone.SoftphoneSettingsReader;
import org.crisisline.server.text.SignpostTexts;
import org.crisisline.server.text.gateway.TextGateways;
import org.crisisline.server.web.WebUi;
import org.crisisline.telephony.ami.AmiLinks;

/**
 * The HTTP side of the server: security (accounts, sessions, the audit log on disk), the role APIs,
 * the web pages, /health, /ready and /metrics, on one HTTP server; and the referrals (the in-memory
 * referral store, the desk the routes use, the delivery verticle that sends them to the teams). Demo accounts get random passwords,
 * returned once so the caller can print them.
 *
 * <p>Threading: {@link #start} and {@link #stop} never block; call each once.
 */
final class ApiServer {
    private static final Duration STREAM_EVERY = Duration.ofSeconds(1);
    private static final Duration GAUGES_EVERY = Duration.ofSeconds(5);

    private final CrisislineMetrics metrics;
    private Security security;
    private QueueGauges gauges;
    private FileAuditLog audit;
    private HttpServer server;
    private String deliveryDeployment;
    private Vertx vertx;
    private Map<String, String> demoPasswords = Map.of();

    ApiServer(QueueConfig queueConfig) {
        this.metrics = CrisislineMetrics.create(queueConfig);
    }

    /** The counters the routing loop feeds with the events of its queue commands. */
    CrisislineMetrics metrics() {
        return metrics;
    }

    Future<ApiServer> start(Vertx vertx, ServerStores stores, QueueConfig queueConfig, AmiLinks links,
                            ServerOptions options, Clock clock) {
        this.vertx = vertx;
        SecuritySettings settings = SecuritySettingsReader.read(options.security());
        PathwaySettings pathways = PathwaySettingsReader.read(options.pathway());
        QueueStore store = stores.queue;
        SoftphoneSettings softphone = SoftphoneSettingsReader.read(options.softphone());
        InMemoryAccountStore accounts = new InMemoryAccountStore();
        return FileAuditLog.open(vertx, settings.auditFile())
                .compose(log -> {
                    audit = log;
                    security = Security.create(vertx, settings, accounts, log, clock);
                    AdminConfig config = AdminConfig.demo(queueConfig,
                            rota -> Future.fromCompletionStage(store.execute(new QueueCommand.SetRota(rota))).mapEmpty(),
                            clock.instant());
                    ReferralDesk desk = new ReferralDesk(stores.referrals, new ReferralLifecycle(clock, pathways.referral()),
                            new ReferralWatch(pathways.referral()), new ReferralJournal(log, clock),
                            ReferralBook.empty(pathways.outbox()), clock).observingEvents(metrics::recordReferralEvents);
                    Function<Instant, ReferralWatch.Report> referrals = desk::report;
                    HttpApi api = HttpApi.create(vertx, new ApiDependencies(store, queueConfig, security, accounts, log,
                            config, new PathwayPolicy(), pathways.cafe(), stores.signposts, referrals, desk,
                            pathways.delivery().endpoints(), links::health, metrics, LoadBands.defaults(), STREAM_EVERY,
                            clock, new SignpostTexts(TextGateways.from(vertx, pathways.text()), pseudonyms(options)),
                            new RepeatCallerCount(stores.history, metrics::contactRecorded), softphone,
                            stores.callbackNumbers));
                    WebUi.mount(api.router(), softphone);
                    gauges = new QueueGauges(vertx, store, referrals, links::health, clock, LoadBands.defaults(),
                            GAUGES_EVERY, metrics).start();
                    return vertx.deployVerticle(new ReferralDeliveryVerticle(desk, config::cmhtDirectory,
                                    pathways.delivery(), clock))
                            .onSuccess(id -> deliveryDeployment = id)
                            .compose(deployed -> security.demoAccounts(accounts).create()).compose(passwords -> {
                        demoPasswords = passwords;
                        return vertx.createHttpServer().requestHandler(api.router())
                                .listen(options.http().port(), options.http().host());
                    });
                })
                .map(listening -> {
                    server = listening;
                    return this;
                });
    }

    /**
     * The pseudonyms of the numbers cafés' details are texted to, for the audit log: under the configured key,
     * the same as the callers' own; with no key (the demo), a random one for this run.
     */
    private static CallerPseudonym pseudonyms(ServerOptions options) {
        return options.pseudonymKey().map(CallerPseudonym::fromBase64).orElseGet(() -> {
            byte[] key = new byte[CallerPseudonym.MIN_KEY_BYTES];
            new SecureRandom().nextBytes(key);
            return CallerPseudonym.withKey(key);
        });
    }

    int port() {
        return server.actualPort();
    }

    /** Username to password of the demo accounts, made at start. */
    Map<String, String> demoPasswords() {
        return demoPasswords;
    }

    Future<Void> stop() {
        if (gauges != null) {
            gauges.stop();
        }
        if (security != null) {
            security.close();
        }
        Future<Void> undeployed = deliveryDeployment == null ? Future.succeededFuture()
                : vertx.undeploy(deliveryDeployment);
        Future<Void> closed = undeployed.compose(v -> server == null ? Future.succeededFuture() : server.close());
        return closed.compose(v -> audit == null ? Future.succeededFuture() : audit.close());
    }
}
