package org.crisisline.server;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.crisisline.queue.config.QueueConfig;
import org.crisisline.queue.config.QueueConfigReader;
import org.crisisline.queue.store.QueueStore;
import org.crisisline.server.audit.CallerPseudonym;
import org.crisisline.server.demo.SimulatedCmhtTeam;
import org.crisisline.server.pathway.config.PathwaySettingsReader;
import org.crisisline.server.routing.CallerPseudonyms;
import org.crisisline.server.routing.RoutingVerticle;
import org.crisisline.telephony.PbxGateway;
import org.crisisline.telephony.agi.IvrServer;
import org.crisisline.telephony.agi.IvrServerOptions;
import org.crisisline.telephony.ami.AmiLinks;
import org.crisisline.telephony.ami.AmiOptions;
import org.crisisline.telephony.bus.LocalMessageCodec;
import org.crisisline.telephony.event.LinkState;
import org.crisisline.telephony.event.PbxLinkChanged;
import org.crisisline.telephony.event.TelephonyEvent;
import org.crisisline.telephony.sim.SimulatedPbx;
import org.crisisline.telephony.sim.SimulatedPbxOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Crisisline's embedded default, and its {@code main}: the in-memory queue store, the IVR's FastAGI
 * server, a simulated Asterisk (its FastAGI client pointed at the IVR, its AMI server on a free port,
 * callers arriving at the demo's rate, operative endpoints op1..op6), the AMI link to it, and the
 * routing loop. {@link #start} and {@link #stop} never block; {@link #main} waits for Ctrl-C.
 *
 * <p>Threading: {@link #start} and {@link #stop} may be called from any thread, each once.
 */
public final class CrisislineServer {
    private static final Logger log = LoggerFactory.getLogger(CrisislineServer.class);
    private static final String SIMULATED_PBX = "sim";
    /** The demo directory's team (admin-demo.json) and how soon, in simulated time, its simulation answers. */
    private static final String DEMO_CMHT_ENDPOINT = "leeds-west-fhir";
    private static final Duration CMHT_ACKNOWLEDGES_AFTER = Duration.ofMinutes(2);
    private static final Duration CMHT_ACCEPTS_AFTER = Duration.ofMinutes(20);
    private static final Duration LINK_UP_TIMEOUT = Duration.ofSeconds(10);

    private final Vertx vertx;
    private ServerStores stores;
    private final QueueConfig queueConfig;
    private final Clock clock;
    private IvrServer ivr;
    private SimulatedPbx pbx;
    private AmiLinks links;
    private String routedPbx;
    private RoutingVerticle routing;
    private String routingDeployment;
    private ApiServer api;
    private SimulatedCmhtTeam cmht;

    private CrisislineServer(Vertx vertx, QueueConfig queueConfig, Clock clock) {
        this.vertx = vertx;
        this.queueConfig = queueConfig;
        this.clock = clock;
    }

    /** Starts everything in order; on failure, whatever started is stopped again. */
    public static Future<CrisislineServer> start(Vertx vertx, ServerOptions options) {
        Objects.requireNonNull(options, "options");
        Clock clock = new ScaledClock(Clock.systemUTC(), options.routing().timeScale());
        CrisislineServer server = new CrisislineServer(vertx, QueueConfigReader.read(options.queue()), clock);
        return server.startAll(options).map(server)
                .recover(e -> server.stop().transform(ignored -> Future.failedFuture(e)));
    }

    private Future<Void> startAll(ServerOptions configured) {
        return simulatedCmhtFor(configured).compose(this::startServices);
    }

    /**
     * With the simulated PBX, and no endpoint configured for the demo CMHT, a simulated CMHT team takes the
     * demo's referrals and answers them, so a newcomer sees a referral reach an outcome.
     */
    private Future<ServerOptions> simulatedCmhtFor(ServerOptions options) {
        String url = "pathway.referral.endpoints." + DEMO_CMHT_ENDPOINT + ".url";
        if (!options.pbx().simulated() || options.pathway().containsKey(url)) {
            return Future.succeededFuture(options);
        }
        double timeScale = options.routing().timeScale();
        cmht = new SimulatedCmhtTeam(vertx, scaled(CMHT_ACKNOWLEDGES_AFTER, timeScale),
                scaled(CMHT_ACCEPTS_AFTER, timeScale));
        return cmht.start().map(team -> options.withPathway(Map.of(url, team.inboxUrl(),
                "pathway.referral.endpoints." + DEMO_CMHT_ENDPOINT + ".token", team.token())));
    }

    private static Duration scaled(Duration simulated, double timeScale) {
        return Duration.ofMillis(Math.max(1, (long) (simulated.toMillis() / timeScale)));
    }

    private Future<Void> startServices(ServerOptions options) {
        LocalMessageCodec.install(vertx);
        ivr = IvrServer.create(vertx, IvrServerOptions.defaults().withPort(options.ivrPort()));
        return ServerStores.open(vertx, options, queueConfig, PathwaySettingsReader.read(options.pathway()).outbox(),
                        clock)
                .compose(opened -> {
                    stores = opened;
                    return ivr.start();
                })
                .compose(ivrPort -> amiConnections(options, ivrPort))
                .compose(connections -> {
                    links = AmiLinks.create(vertx, connections, Clock.systemUTC());
                    routedPbx = connections.get(0).pbx();
                    Future<Void> up = linkUp();
                    return links.start().compose(v -> up);
                })
                .compose(v -> {
                    api = new ApiServer(queueConfig);
                    return api.start(vertx, stores, queueConfig, links, options, clock);
                })
                .onSuccess(v -> {
                    if (cmht != null) {
                        String host = options.http().host().equals("0.0.0.0") ? "127.0.0.1" : options.http().host();
                        cmht.answerTo("http://" + host + ":" + api.port());
                    }
                })
                .compose(v -> {
                    PbxGateway gateway = links.routingGateway(routedPbx).orElseThrow();
                    routing = new RoutingVerticle(stores.queue, stores.callbackNumbers, gateway, options.routing(), pseudonyms(options), clock,
                            options.summaryEvery()).observingEvents(api.metrics()::recordEvents)
                            .announcingThrough(stores.announcers);
                    return vertx.deployVerticle(routing);
                })
                .onSuccess(id -> routingDeployment = id)
                .onSuccess(id -> log.info("Crisisline started: web and API on http://{}:{}/, IVR on FastAGI port {},"
                        + " PBX {}{}, time x{}", options.http().host(), api.port(), ivr.port(), routedPbx,
                        pbx == null ? "" : " (simulated, AMI on port " + pbx.amiPort() + ")",
                        options.routing().timeScale()))
                .mapEmpty();
    }

    /**
     * The PBXs to follow over AMI: the simulated one, started here with its FastAGI client pointed at
     * the IVR, if {@code pbx.simulated}; then the configured real ones. The routing drives the first.
     */
    private Future<List<AmiOptions>> amiConnections(ServerOptions options, int ivrPort) {
        if (!options.pbx().simulated()) {
            return Future.succeededFuture(options.pbx().connections());
        }
        String amiSecret = randomHex(16);
        return SimulatedPbx.start(vertx, SimulatedPbxOptions.fromJson(options.simulatedPbx().copy()
                        .put("agi-port", ivrPort).put("ami-secret", amiSecret)
                        .put("time-scale", options.routing().timeScale())))
                .map(started -> {
                    pbx = started;
                    List<AmiOptions> connections = new ArrayList<>();
                    connections.add(AmiOptions.fromJson(new JsonObject()
                            .put("pbx", SIMULATED_PBX).put("host", "127.0.0.1").put("port", started.amiPort())
                            .put("username", SimulatedPbxOptions.DEFAULTS.getString("ami-username"))
                            .put("secret", amiSecret)));
                    connections.addAll(options.pbx().connections());
                    return connections;
                });
    }

    /** Completes when the AMI link to the simulated PBX is logged in (its heartbeat keeps callers with us). */
    private Future<Void> linkUp() {
        Promise<Void> up = Promise.promise();
        MessageConsumer<TelephonyEvent> consumer = vertx.eventBus().consumer(TelephonyEvent.ADDRESS, m -> {
            if (m.body() instanceof PbxLinkChanged changed && changed.state() == LinkState.UP) {
                up.tryComplete();
            }
        });
        return up.future().timeout(LINK_UP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
                .eventually(() -> consumer.unregister());
    }

    private static CallerPseudonyms pseudonyms(ServerOptions options) {
        // No key configured (the demo): a random one, so pseudonyms are stable for this run only.
        return new CallerPseudonyms(options.pseudonymKey().map(CallerPseudonym::fromBase64)
                .orElseGet(() -> CallerPseudonym.withKey(randomBytes(CallerPseudonym.MIN_KEY_BYTES))));
    }

    /** Stops the routing, the PBX link, the simulated PBX and the IVR, then the store; Vert.x is left to its owner. */
    public Future<Void> stop() {
        Future<Void> chain = Future.succeededFuture();
        if (routingDeployment != null) {
            chain = chain.compose(v -> vertx.undeploy(routingDeployment));
        }
        if (api != null) {
            chain = chain.compose(v -> api.stop());
        }
        if (links != null) {
            chain = chain.compose(v -> links.stop());
        }
        if (pbx != null) {
            chain = chain.compose(v -> pbx.stop());
        }
        if (ivr != null) {
            chain = chain.compose(v -> ivr.stop());
        }
        if (cmht != null) {
            chain = chain.compose(v -> cmht.stop());
        }
        return chain.onComplete(ignored -> {
            if (stores != null) {
                stores.close();
            }
        });
    }

    public QueueStore store() {
        return stores.queue;
    }

    /** The simulated PBX inside this server; null when {@code pbx.simulated} is false. */
    public SimulatedPbx pbx() {
        return pbx;
    }

    public RoutingVerticle routing() {
        return routing;
    }

    /** The port the HTTP API and the web pages listen on. */
    public int httpPort() {
        return api.port();
    }

    /** The demo accounts' usernames and their random passwords, made at start. */
    public Map<String, String> demoPasswords() {
        return api.demoPasswords();
    }

    /** The queue's clock (simulated time in the demo). */
    public Clock clock() {
        return clock;
    }

    private static String randomHex(int bytes) {
        return HexFormat.of().formatHex(randomBytes(bytes));
    }

    private static byte[] randomBytes(int count) {
        byte[] random = new byte[count];
        new SecureRandom().nextBytes(random);
        return random;
    }

    /**
     * Runs the embedded default until Ctrl-C; see {@link ServerArgs#USAGE} for the options. A bad
     * setting stops it at once with a message naming the key.
     */
    public static void main(String[] args) throws InterruptedException {
        ServerOptions options;
        try {
            options = ServerArgs.options(args, System.getenv());
        } catch (IllegalArgumentException e) {
            System.err.println("error: " + e.getMessage());
            System.err.println(ServerArgs.USAGE);
            System.exit(2);
            return;
        }
        Vertx vertx = Vertx.vertx();
        CrisislineServer server = start(vertx, options)
                .onFailure(e -> {
                    log.error("Crisisline failed to start: {}", e.toString());
                    vertx.close();
                })
                .await();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.stop().compose(v -> vertx.close()).onComplete(ignored -> stopped.countDown());
            try {
                stopped.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "crisisline-shutdown"));
        printWelcome(server);
        log.info("press Ctrl-C to stop");
    }

    /** On the console only, never in a log file: the demo accounts' passwords live for this run. */
    private static void printWelcome(CrisislineServer server) {
        StringBuilder text = new StringBuilder("%nCrisisline is running: open http://localhost:%d/%n".formatted(
                server.httpPort()));
        text.append("Demo accounts for this run (operatives op1-op3, clinical lead 'lead', admin 'admin'):%n".formatted());
        server.demoPasswords().forEach((user, password) -> text.append("  %-6s %s%n".formatted(user, password)));
        System.out.println(text);
    }
}
