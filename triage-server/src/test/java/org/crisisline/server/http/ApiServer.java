package org.crisisline.server.http;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.crisisline.queue.command.QueueCommand;
import org.crisisline.queue.config.QueueConfig;
import org.crisisline.queue.model.Call;
import org.crisisline.queue.model.CallId;
import org.crisisline.queue.model.CallSource;
import org.crisisline.queue.model.CallerRef;
import org.crisisline.queue.model.Language;
import org.crisisline.queue.model.Line;
import org.crisisline.queue.model.OperativeId;
import org.crisisline.queue.model.Skills;
import org.crisisline.queue.model.Tier;
import org.crisisline.queue.store.memory.InMemoryQueueStore;
import org.crisisline.queue.testing.MutableClock;
import org.crisisline.server.audit.AuditRecord;
import org.crisisline.server.audit.CallerPseudonym;
import org.crisisline.server.audit.InMemoryAuditLog;
import org.crisisline.server.auth.InMemoryAccountStore;
import org.crisisline.server.auth.config.SecuritySettingsReader;
import org.crisisline.server.auth.web.Browser;
import org.crisisline.server.auth.web.Security;
import org.crisisline.server.callback.InMemoryCallbackNumbers;
import org.crisisline.server.history.memory.InMemoryContactHistoryStore;
import org.crisisline.server.http.admin.AdminConfig;
import org.crisisline.server.metrics.CrisislineMetrics;
import org.crisisline.server.metrics.LoadBands;
import org.crisisline.server.pathway.config.PathwaySettingsReader;
import org.crisisline.server.pathway.config.ReferralEndpoint;
import org.crisisline.server.pathway.referral.ReferralBook;
import org.crisisline.server.pathway.referral.ReferralLifecycle;
import org.crisisline.server.pathway.referral.ReferralWatch;
import org.crisisline.server.pathway.rules.PathwayPolicy;
import org.crisisline.server.referral.InMemoryReferralStore;
import org.crisisline.server.referral.ReferralDesk;
import org.crisisline.server.referral.ReferralJournal;
import org.crisisline.server.referral.SwitchableReferralStore;
import org.crisisline.server.signpost.memory.InMemorySignpostBoard;
import org.crisisline.server.softphone.SoftphoneSettings;
import org.crisisline.server.text.RecordingTextGateway;
import org.crisisline.server.text.SignpostTexts;
import org.crisisline.telephony.ami.LinkHealth;
import org.crisisline.telephony.event.LinkState;

/**
 * The whole API on a real HTTP server (port 0), wired as the bootstrap will wire it: security from settings
 * (tiny Argon2), the demo accounts, an in-memory audit log and queue store on a hand-moved clock (Friday
 * 27 November 2026, 19:00), the demo admin configuration, one PBX link. The queue is seeded: op1
 * (clinical) and op2 are logged on; {@code call-1} (tier 2, caller {@value #CALLER_1}) is connected to op2;
 * {@code call-2} (tier 3) waits, held back for tier 1 by the reserve.
 */
public final class ApiServer {
    public static final String CALLER_1 = "c_callerone0000001";
    public static final String CALLER_2 = "c_callertwo0000002";

    public final MutableClock clock = MutableClock.at("2026-11-27T19:00:00Z");
    public final QueueConfig queueConfig = QueueConfig.defaults();
    public final InMemoryQueueStore queue = new InMemoryQueueStore(queueConfig, clock);
    public final InMemoryAuditLog audit = new InMemoryAuditLog();
    public final InMemoryAccountStore accounts = new InMemoryAccountStore();
    public final CrisislineMetrics metrics = CrisislineMetrics.create(queueConfig);
    public final Map<String, LinkHealth> links = new ConcurrentHashMap<>();
    public final RecordingTextGateway texts = new RecordingTextGateway();
    public final CallerPseudonym pseudonyms = CallerPseudonym.withKey(new byte[CallerPseudonym.MIN_KEY_BYTES]);
    public final InMemoryContactHistoryStore history = new InMemoryContactHistoryStore();
    public final InMemoryCallbackNumbers callbackNumbers = new InMemoryCallbackNumbers();
    public volatile ReferralWatch.Report referrals = new ReferralWatch.Report(List.of(), List.of(), List.of(), List.of());
    /** The demo team's endpoint and another team's, each with its partner's bearer token. */
    public static final String LEEDS_WEST_TOKEN = "leeds-west-token-0123456789";
    public static final String OTHER_TEAM_TOKEN = "other-team-token-0123456789";
    public final Map<String, ReferralEndpoint> referralEndpoints = Map.of(
            "leeds-west-fhir", new ReferralEndpoint("leeds-west-fhir", URI.create("http://127.0.0.1:9/fhir"),
                    LEEDS_WEST_TOKEN),
            "other-team-fhir", new ReferralEndpoint("other-team-fhir", URI.create("http://127.0.0.1:9/other"),
                    OTHER_TEAM_TOKEN));
    public final SwitchableReferralStore referralStore =
            new SwitchableReferralStore(new InMemoryReferralStore(PathwaySettingsReader.defaults().outbox()));
    public final ReferralDesk referralDesk = new ReferralDesk(referralStore,
            new ReferralLifecycle(clock, PathwaySettingsReader.defaults().referral()),
            new ReferralWatch(PathwaySettingsReader.defaults().referral()), new ReferralJournal(audit, clock),
            ReferralBook.empty(PathwaySettingsReader.defaults().outbox()), clock);
    public Vertx vertx;
    public Security security;
    public AdminConfig config;
    public HttpApi api;
    public Map<String, String> passwords;
    public int port;

    public static ApiServer start(Vertx vertx) throws Exception {
        return start(vertx, SoftphoneSettings.off());
    }

    /** The API with the panel's softphone registering where {@code softphone} says. */
    public static ApiServer start(Vertx vertx, SoftphoneSettings softphone) throws Exception {
        ApiServer server = new ApiServer();
        server.listen(vertx, softphone);
        return server;
    }

    private void listen(Vertx vertx, SoftphoneSettings softphone) throws Exception {
        this.vertx = vertx;
        seedQueue();
        pbx(LinkState.UP, "logged in");
        security = Security.create(vertx, SecuritySettingsReader.read(Map.of(
                "auth.argon2.memory-kib", "64", "auth.argon2.iterations", "1")), accounts, audit, clock);
        config = AdminConfig.demo(queueConfig, rota -> Future.fromCompletionStage(
                queue.execute(new QueueCommand.SetRota(rota))).mapEmpty(), clock.instant());
        ApiDependencies deps = new ApiDependencies(queue, queueConfig, security, accounts, audit, config,
                new PathwayPolicy(), PathwaySettingsReader.defaults().cafe(), new InMemorySignpostBoard(), now -> referrals,
                referralDesk, referralEndpoints,
                () -> Map.copyOf(links), metrics, LoadBands.defaults(), Duration.ofMillis(100), clock,
                new SignpostTexts(texts, pseudonyms), history, softphone, callbackNumbers);
        passwords = await(security.demoAccounts(accounts).create());
        api = HttpApi.create(vertx, deps);
        port = await(vertx.createHttpServer().requestHandler(api.router()).listen(0)).actualPort();
    }

    private void seedQueue() {
        Instant now = clock.instant();
        execute(new QueueCommand.LogOn(OperativeId.of("op1"), Skills.clinicallyQualified()));
        execute(new QueueCommand.LogOn(OperativeId.of("op2"), Skills.trained()));
        execute(new QueueCommand.Enqueue(Call.live(CallId.of("call-1"), new CallerRef(CALLER_1), Line.CRISIS,
                CallSource.NHS_111, Tier.CRISIS, Language.ENGLISH, false, now)));
        execute(new QueueCommand.MarkConnected(CallId.of("call-1")));
        execute(new QueueCommand.Enqueue(Call.live(CallId.of("call-2"), new CallerRef(CALLER_2), Line.SUPPORT,
                CallSource.SELF, Tier.SUPPORT, Language.ENGLISH, false, now)));
    }

    public void pbx(LinkState state, String detail) {
        links.put("pbx-a", new LinkHealth("pbx-a", state, detail, clock.instant(), 2, 120, 3));
    }

    public void execute(QueueCommand command) {
        try {
            metrics.recordEvents(queue.execute(command).toCompletableFuture().get().events());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A browser signed in as {@code username} (a demo account). */
    public Browser signedIn(String username) throws Exception {
        Browser browser = anonymous();
        int status = browser.login(username, passwords.get(username)).statusCode();
        if (status != 200) {
            throw new IllegalStateException("sign-in as " + username + " gave " + status);
        }
        return browser;
    }

    public Browser anonymous() {
        return new Browser(vertx, port);
    }

    public List<AuditRecord> auditRecords() throws Exception {
        return await(audit.records());
    }

    public static <T> T await(Future<T> future) throws Exception {
        return future.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }
}
