package org.crisisline.server.routing;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.crisisline.server.audit.CallerPseudonym;
import org.crisisline.queue.callback.CallbackSlot;
import org.crisisline.queue.command.QueueCommand;
import org.crisisline.queue.config.QueueConfigReader;
import org.crisisline.queue.core.QueueSnapshot;
import org.crisisline.queue.event.Outcome;
import org.crisisline.queue.model.Call;
import org.crisisline.queue.model.CallId;
import org.crisisline.queue.model.CallSource;
import org.crisisline.queue.model.CallerRef;
import org.crisisline.queue.model.Language;
import org.crisisline.queue.model.Line;
import org.crisisline.queue.model.OperativeId;
import org.crisisline.queue.model.Actor;
import org.crisisline.queue.model.OperativeState;
import org.crisisline.queue.model.Skills;
import org.crisisline.queue.model.Tier;
import org.crisisline.queue.policy.CallbackOfferRule;
import org.crisisline.queue.store.QueueStore;
import org.crisisline.queue.store.QueueStoreException;
import org.crisisline.queue.store.StoreHealth;
import org.crisisline.queue.store.memory.InMemoryQueueStore;
import org.crisisline.telephony.OriginateRequest;
import org.crisisline.telephony.PbxGateway;
import org.crisisline.telephony.agi.CallerArrived;
import org.crisisline.telephony.agi.CallerRegistered;
import org.crisisline.telephony.agi.IvrQueue;
import org.crisisline.telephony.agi.IvrTier;
import org.crisisline.telephony.bus.LocalMessageCodec;
import org.crisisline.telephony.event.CallEnded;
import org.crisisline.telephony.event.LinkState;
import org.crisisline.telephony.event.OriginateResult;
import org.crisisline.telephony.event.PbxLinkChanged;
import org.crisisline.telephony.event.RedirectDone;
import org.crisisline.telephony.event.TelephonyEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The routing verticle alone, with a PBX that fails and a store that fails: no caller is lost. */
@DisplayName("the routing verticle")
class RoutingVerticleTest {
    private static final Duration WAIT = Duration.ofSeconds(5);
    private static final OperativeId OP1 = OperativeId.of("op1");
    private static final String CHANNEL = "Local/crisis@crisisline-inbound-0001;2";
    private static final String UNIQUEID = "1764446400.7";

    private final Vertx vertx = Vertx.vertx();
    private final FailingPbx pbx = new FailingPbx();
    private final FlakyStore store = new FlakyStore(new InMemoryQueueStore(QueueConfigReader.read(Map.of("dispatch.tier-one-reserve", "0")),
            Clock.systemUTC()));

    @AfterEach
    void stop() {
        await(vertx.close());
    }

    @Test
    @DisplayName("a ring that fails at the PBX puts the caller back, and the queue offers them again")
    void failedRingIsOfferedAgain() {
        deploy();

        CallerRegistered registered = register();

        assertThat(registered.callId()).isEqualTo(UNIQUEID);
        until(() -> pbx.redirects.get() >= 2);
        QueueSnapshot snapshot = await(Future.fromCompletionStage(store.snapshot(10)));
        assertThat(snapshot.waiting().size() + snapshot.otherOpen().size()).isEqualTo(1);
    }

    @Test
    @DisplayName("a hang-up the store failed to take is retried until it lands")
    void failedStoreCommandIsRetried() {
        deploy();
        register();
        store.failNext(QueueCommand.EndCall.class, 2);

        vertx.eventBus().publish(TelephonyEvent.ADDRESS, new CallEnded("sim", Instant.now(), "1764446400.6", CHANNEL,
                UNIQUEID, CallEnded.Leg.CALLER, 16, "Normal Clearing"));

        until(() -> {
            QueueSnapshot snapshot = await(Future.fromCompletionStage(store.snapshot(10)));
            return snapshot.waiting().isEmpty() && snapshot.otherOpen().isEmpty();
        });
        assertThat(store.failures.get()).isEqualTo(2);
    }

    @Test
    @DisplayName("a node that starts (or restarts) leaves an operative already on shift in their state: no recovery cut short")
    void joiningNodeLeavesOperativesOnShiftAsTheyAre() {
        await(Future.fromCompletionStage(store.execute(new QueueCommand.LogOn(OP1, Skills.trained()))));
        await(Future.fromCompletionStage(store.execute(new QueueCommand.Pause(OP1, OperativeState.BREAK,
                Actor.operative("op1"), "a break"))));

        deploy();

        QueueSnapshot snapshot = await(Future.fromCompletionStage(store.snapshot(10)));
        assertThat(snapshot.operatives()).filteredOn(load -> load.operative().id().equals(OP1)).singleElement()
                .satisfies(load -> assertThat(load.operative().state()).isEqualTo(OperativeState.BREAK));
    }

    @Test
    @DisplayName("a PBX that cannot be asked at start is asked when its link comes up: a queued caller who hung up meanwhile is ended, one still holding stays")
    void reconcilesWhenTheLinkComesUp() {
        CallId gone = queuedBeforeStart("1764446300.1");
        CallId holding = queuedBeforeStart("1764446300.2");
        deploy();
        assertThat(openCalls()).containsExactlyInAnyOrder(gone, holding);

        pbx.listed = Map.of(holding.value(), "Local/crisis@crisisline-hold-0002;2");
        vertx.eventBus().publish(TelephonyEvent.ADDRESS, new PbxLinkChanged("sim", Instant.now(), LinkState.UP,
                "logged in; 1 live channels on the PBX"));

        until(() -> openCalls().equals(List.of(holding)));
    }

    /** A live caller the queue already had when this node started (registered by an earlier node). */
    private CallId queuedBeforeStart(String uniqueid) {
        CallId id = CallId.of(uniqueid);
        await(Future.fromCompletionStage(store.execute(new QueueCommand.Enqueue(Call.live(id,
                new CallerRef("c_" + uniqueid), Line.CRISIS, CallSource.SELF, Tier.CRISIS, Language.ENGLISH, false,
                Instant.now())))));
        return id;
    }

    private List<CallId> openCalls() {
        QueueSnapshot snapshot = await(Future.fromCompletionStage(store.snapshot(10)));
        return Stream.concat(snapshot.waiting().stream(), snapshot.otherOpen().stream()).map(Call::id).toList();
    }

    private void deploy() {
        LocalMessageCodec.install(vertx);
        RoutingOptions options = new RoutingOptions(RoutingOptions.standardLines(), Map.of(OP1, Skills.trained()),
                Map.of(OP1, "op1"), "08001234567", Duration.ZERO, Optional.empty(), Duration.ofMillis(200),
                Duration.ofSeconds(1), 1.0);
        await(vertx.deployVerticle(new RoutingVerticle(store, pbx, options,
                new CallerPseudonyms(CallerPseudonym.withKey("a-test-key-0123456789-0123456789".getBytes(StandardCharsets.UTF_8))), Clock.systemUTC(),
                Duration.ZERO)));
    }

    private CallerRegistered register() {
        CallerArrived arrived = new CallerArrived(UNIQUEID, CHANNEL, "crisis", "07700900123", "en", IvrTier.CRISIS,
                false, Instant.now());
        return await(vertx.eventBus().<CallerRegistered>request(IvrQueue.CALLER_ARRIVED, arrived)).body();
    }

    private static void until(BooleanSupplier condition) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not so within " + WAIT);
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    private static <T> T await(Future<T> future) {
        try {
            return future.await(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** A PBX whose link is down: every Redirect fails. */
    private static final class FailingPbx implements PbxGateway {
        final AtomicInteger redirects = new AtomicInteger();
        /** The channels it lists once its link is back; until then it cannot be asked. */
        volatile Map<String, String> listed;

        @Override
        public Future<RedirectDone> redirect(String channel, String context, String exten) {
            redirects.incrementAndGet();
            return Future.failedFuture(new IllegalStateException("link down"));
        }

        @Override
        public Future<OriginateResult> originate(OriginateRequest request) {
            return Future.failedFuture(new IllegalStateException("link down"));
        }

        @Override
        public Future<Void> hangup(String channel, int cause) {
            return Future.failedFuture(new IllegalStateException("link down"));
        }

        @Override
        public Future<Void> setChannelVariable(String channel, String name, String value) {
            return Future.failedFuture(new IllegalStateException("link down"));
        }

        @Override
        public Future<Void> setGlobalVariable(String name, String value) {
            return Future.failedFuture(new IllegalStateException("link down"));
        }

        @Override
        public Future<Map<String, String>> liveChannels() {
            Map<String, String> channels = listed;
            return channels == null ? Future.failedFuture(new IllegalStateException("link down"))
                    : Future.succeededFuture(channels);
        }
    }

    /** A store that fails the next few commands of one kind, as a Redis store does when Redis is away. */
    private static final class FlakyStore implements QueueStore {
        private final QueueStore store;
        final AtomicInteger failures = new AtomicInteger();
        private volatile Class<?> failing;
        private final AtomicInteger toFail = new AtomicInteger();

        FlakyStore(QueueStore store) {
            this.store = store;
        }

        void failNext(Class<? extends QueueCommand> kind, int times) {
            failing = kind;
            toFail.set(times);
        }

        @Override
        public CompletionStage<Outcome> execute(QueueCommand command) {
            if (command.getClass() == failing && toFail.getAndDecrement() > 0) {
                failures.incrementAndGet();
                return CompletableFuture.failedFuture(new QueueStoreException("redis away"));
            }
            return store.execute(command);
        }

        @Override
        public CompletionStage<QueueSnapshot> snapshot(int waitingLimit) {
            return store.snapshot(waitingLimit);
        }

        @Override
        public CompletionStage<List<CallbackSlot>> offerSlots() {
            return store.offerSlots();
        }

        @Override
        public CompletionStage<CallbackOfferRule.Decision> callbackOffer(CallId call, boolean riskQuestionPassed) {
            return store.callbackOffer(call, riskQuestionPassed);
        }

        @Override
        public CompletionStage<Optional<Instant>> nextDeadline() {
            return store.nextDeadline();
        }

        @Override
        public StoreHealth health() {
            return store.health();
        }

        @Override
        public void close() {
            store.close();
        }
    }
}
