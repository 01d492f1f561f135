package org.crisisline.server.routing;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.Message;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.crisisline.queue.command.QueueCommand;
import org.crisisline.queue.core.QueueSnapshot;
import org.crisisline.queue.event.Outcome;
import org.crisisline.queue.event.QueueEvent;
import org.crisisline.queue.model.CallId;
import org.crisisline.queue.model.OperativeId;
import org.crisisline.queue.model.Skills;
import org.crisisline.queue.model.Tier;
import org.crisisline.queue.policy.CallbackOfferRule;
import org.crisisline.queue.store.QueueStore;
import org.crisisline.server.announce.AnnouncerLeases;
import org.crisisline.server.announce.memory.InMemoryAnnouncerLeases;
import org.crisisline.server.callback.CallbackNumbers;
import org.crisisline.server.callback.InMemoryCallbackNumbers;
import org.crisisline.telephony.Dialplan;
import org.crisisline.telephony.PbxGateway;
import org.crisisline.telephony.agi.BookCallback;
import org.crisisline.telephony.agi.CallerArrived;
import org.crisisline.telephony.agi.CallerLeft;
import org.crisisline.telephony.agi.CallbackBooked;
import org.crisisline.telephony.agi.IvrQueue;
import org.crisisline.telephony.bus.LocalMessageCodec;
import org.crisisline.telephony.event.LinkState;
import org.crisisline.telephony.event.PbxLinkChanged;
import org.crisisline.telephony.event.TelephonyEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The routing loop around {@link CallRouter}: consumes the IVR's requests ({@link IvrQueue}'s three
 * addresses) and the PBX's events ({@link TelephonyEvent#ADDRESS}), runs the router's commands on the
 * {@link QueueStore}, turns the outcomes' events into PBX actions through the {@link PbxGateway},
 * ticks the store at its deadlines, announces place and wait to waiting callers, and logs a summary.
 *
 * <p>Threading: everything runs on this verticle's context (the router and its correlation state have
 * one owner); store stages are brought back onto it. Nothing blocks. Every store call has the
 * configured timeout; every PBX call has the gateway's own timeout and a backstop here. A failed ring
 * or callback gives the call back to the queue (offer not answered), so no caller is lost. Logs name
 * calls by id and callers by pseudonym, never by number.
 */
public final class RoutingVerticle extends VerticleBase {
    private static final Logger log = LoggerFactory.getLogger(RoutingVerticle.class);
    /** Beyond the gateway's own timeouts (an Originate waits up to its ring time): a last guard. */
    private static final Duration PBX_BACKSTOP = Duration.ofSeconds(90);
    private static final int SNAPSHOT_LIMIT = 500;
    private static final int STORE_RETRIES = 3;
    private static final Duration STORE_RETRY_DELAY = Duration.ofMillis(500);

    private final QueueStore store;
    private final CallbackNumbers numbers;
    private final PbxGateway gateway;
    private final CallRouter router;
    private final RoutingOptions options;
    private final Clock clock;
    private final Duration summaryEvery;
    private final CallFlowLog flow = new CallFlowLog();
    private final List<Long> timers = new ArrayList<>();
    private DeadlineTicker ticker;
    /** Whether the queue is being squared with the PBX's channels now (one at a time). */
    private boolean reconciling;
    /** This node's name for announcer leases: unique per start, so a restarted node takes its turn afresh. */
    private final String node = UUID.randomUUID().toString();
    private AnnouncerLeases announcers = new InMemoryAnnouncerLeases(Clock.systemUTC());
    private Consumer<List<QueueEvent>> eventsObserver = events -> {
    };

    /**
     * @param clock        the queue's clock (the same the store runs on)
     * @param summaryEvery how often (real time) to log the one-line summary; zero: never
     */
    public RoutingVerticle(QueueStore store, PbxGateway gateway, RoutingOptions options, CallerPseudonyms pseudonyms,
                           Clock clock, Duration summaryEvery) {
        this(store, new InMemoryCallbackNumbers(), gateway, options, pseudonyms, clock, summaryEvery);
    }

    /** @param numbers where callback numbers are kept: beside the store (shared by the nodes that share it) */
    public RoutingVerticle(QueueStore store, CallbackNumbers numbers, PbxGateway gateway, RoutingOptions options,
                           CallerPseudonyms pseudonyms, Clock clock, Duration summaryEvery) {
        this.store = Objects.requireNonNull(store, "store");
        this.numbers = Objects.requireNonNull(numbers, "numbers");
        this.gateway = Objects.requireNonNull(gateway, "gateway");
        this.options = Objects.requireNonNull(options, "options");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.summaryEvery = Objects.requireNonNull(summaryEvery, "summaryEvery");
        this.router = new CallRouter(options, pseudonyms, clock);
    }

    /**
     * Takes turns announcing with the other nodes through {@code leases} (shared by the nodes that share the
     * store); without it, this node announces to every waiting caller it can reach (one node).
     */
    public RoutingVerticle announcingThrough(AnnouncerLeases leases) {
        this.announcers = Objects.requireNonNull(leases, "leases");
        return this;
    }

    /** Also hands the events of every queue command this verticle runs to {@code observer} (metrics). */
    public RoutingVerticle observingEvents(Consumer<List<QueueEvent>> observer) {
        this.eventsObserver = Objects.requireNonNull(observer, "observer");
        return this;
    }

    @Override
    public Future<?> start() {
        LocalMessageCodec.install(vertx);
        ticker = new DeadlineTicker(vertx, clock, options.timeScale(), this::execute);
        var bus = vertx.eventBus();
        List<Future<Void>> registered = List.of(
                bus.<CallerArrived>consumer(IvrQueue.CALLER_ARRIVED, this::callerArrived).completion(),
                bus.<BookCallback>consumer(IvrQueue.BOOK_CALLBACK, this::bookCallback).completion(),
                bus.<CallerLeft>consumer(IvrQueue.CALLER_LEFT, m -> apply(router.callerLeft(m.body()))).completion(),
                bus.<TelephonyEvent>consumer(TelephonyEvent.ADDRESS, this::telephonyEvent).completion(),
                bus.<HandoverRequest>localConsumer(Handovers.ADDRESS, this::handover).completion(),
                bus.localConsumer(Handovers.TRANSFER_NUMBERS, m -> m.reply(transferNumbers())).completion());
        every(options.announceEvery(), true, this::announce);
        every(summaryEvery, false, this::summarise);
        // Squared with the PBX before anyone is made ready, so no operative is offered a caller long gone.
        return Future.all(registered).compose(all -> reconcileWithPbx()).compose(v -> logOnOperatives())
                .onSuccess(v -> rescheduleTick());
    }

    @Override
    public Future<?> stop() {
        timers.forEach(vertx::cancelTimer);
        if (ticker != null) {
            ticker.cancel();
        }
        return Future.succeededFuture();
    }

    private void telephonyEvent(Message<TelephonyEvent> message) {
        if (message.body() instanceof PbxLinkChanged changed && changed.state() == LinkState.UP) {
            reconcileWithPbx();
        }
        apply(router.telephonyEvent(message.body()));
    }

    /**
     * Squares the queue with the PBX's live channels ({@link CallRouter#reconcile}) at start and whenever a
     * PBX link comes up again: callers who hung up while no node (or no link) was watching end, callers still
     * holding can be rung from here. One at a time; never fails (a failure is logged, and the next link-up
     * tries again).
     */
    private Future<Void> reconcileWithPbx() {
        if (reconciling) {
            return Future.succeededFuture();
        }
        reconciling = true;
        // The queue first: every live caller in it is then on a channel older than the PBX's answer.
        return fromStore(store.snapshot(Integer.MAX_VALUE))
                .compose(before -> pbx(gateway.liveChannels()).map(live -> router.reconcile(before, live)))
                .compose(decision -> {
                    if (!decision.commands().isEmpty()) {
                        log.info("pbx reconciliation: {} queued callers hung up while no node was watching;"
                                + " their calls end", decision.commands().size());
                    }
                    return Future.all(decision.commands().stream().map(this::execute).toList());
                })
                .<Void>mapEmpty()
                .recover(e -> {
                    log.warn("pbx reconciliation not done: {}; it is tried again when a PBX link comes up",
                            e.toString());
                    return Future.succeededFuture();
                })
                .onComplete(done -> reconciling = false);
    }

    /**
     * Logs on the configured operatives, one after the other, and marks ready those who came on shift now. One
     * already on shift (logged on by another node, or before this node restarted) keeps their state: a node
     * joining must not cut short anyone's recovery time or break.
     */
    private Future<Void> logOnOperatives() {
        Future<Void> chain = Future.succeededFuture();
        for (Map.Entry<OperativeId, Skills> operative : options.operatives().entrySet()) {
            chain = chain
                    .compose(v -> execute(new QueueCommand.LogOn(operative.getKey(), operative.getValue())))
                    .compose(loggedOn -> CallRouter.cameOnShift(loggedOn, operative.getKey())
                            ? execute(new QueueCommand.MarkReady(operative.getKey()))
                            : Future.succeededFuture(loggedOn))
                    .mapEmpty();
        }
        return chain.onSuccess(v -> log.info("operatives logged on and ready: {}", options.operatives().keySet()));
    }

    private void callerArrived(Message<CallerArrived> message) {
        CallerArrived arrived = message.body();
        QueueCommand.Enqueue enqueue = router.callerArrived(arrived);
        CallId call = enqueue.call().id();
        Tier tier = enqueue.call().tier();
        execute(enqueue)
                .compose(outcome -> outcome instanceof Outcome.Rejected rejected
                        ? Future.failedFuture(new IllegalStateException("enqueue refused: " + rejected.reason()))
                        : fromStore(store.callbackOffer(call, CallRouter.riskQuestionPassed(arrived))))
                .compose(offer -> offer instanceof CallbackOfferRule.Offer
                        ? fromStore(store.offerSlots()).map(slots -> IvrReplies.registered(call, offer, Duration.ZERO,
                                slots))
                        : fromStore(store.snapshot(0)).map(snapshot -> IvrReplies.registered(call, offer,
                                snapshot.estimatedWaitByTier().getOrDefault(tier, Duration.ZERO), List.of())))
                .onSuccess(message::reply)
                .onFailure(e -> {
                    // The IVR then sends the caller to Asterisk's own queue: they are not lost.
                    log.warn("registration failed call={}: {}", call, e.toString());
                    message.fail(500, "registration failed: " + e.getMessage());
                });
    }

    /** The number is kept first: the booking may make the callback due at once, on any node. */
    private void bookCallback(Message<BookCallback> message) {
        QueueCommand command = router.callbackChosen(message.body());
        CallId call = CallId.of(message.body().callId());
        fromStore(numbers.keep(call, message.body().callbackNumber()))
                .compose(kept -> execute(command))
                .onSuccess(outcome -> {
                    if (outcome instanceof Outcome.Rejected rejected) {
                        forgetNumber(call);
                        message.fail(IvrReplies.bookingFailureCode(rejected.reason()), rejected.detail());
                    } else {
                        message.reply(new CallbackBooked(CallRouter.callbackIdOf(call)));
                    }
                })
                .onFailure(e -> {
                    forgetNumber(call);
                    log.warn("booking failed call={}: {}", call, e.toString());
                    message.fail(500, "booking failed");
                });
    }

    /**
     * Escalates or transfers a caller: the handover context is set on their channel, variable by variable,
     * then the channel is redirected. A refusal sends nothing to the PBX; a PBX failure midway leaves at
     * most some variables set on a channel still where it was (harmless: only the two handover contexts
     * read them), and the reply fails with the PBX's code.
     */
    private void handover(Message<HandoverRequest> message) {
        HandoverRequest request = message.body();
        HandoverDecision decision = router.handover(request);
        if (decision instanceof HandoverDecision.Refused refused) {
            message.fail(refused.code(), refused.message());
            return;
        }
        HandoverDecision.Redirect redirect = (HandoverDecision.Redirect) decision;
        String channel = redirect.callerChannel();
        Future<Void> contextSet = Future.succeededFuture();
        for (Map.Entry<String, String> variable : redirect.variables().entrySet()) {
            contextSet = contextSet.compose(v -> gateway.setChannelVariable(channel, variable.getKey(),
                    variable.getValue()));
        }
        pbx(contextSet.compose(v -> redirect.transferTo() == null
                        ? gateway.toEmergency(channel)
                        : gateway.transfer(channel, redirect.transferTo())))
                .onSuccess(done -> {
                    log.atInfo().setMessage("handover").addKeyValue("call", request.call())
                            .addKeyValue("context", redirect.context()).log();
                    message.reply(new HandoverDone(request.call(), redirect.context(), sent(redirect)));
                })
                .onFailure(e -> {
                    log.warn("handover failed call={} context={}: {}", request.call(), redirect.context(), e.toString());
                    message.fail(Handovers.failureCodeOf(e), "The PBX did not move the caller: " + e.getMessage());
                });
    }

    private static Map<String, String> sent(HandoverDecision.Redirect redirect) {
        Map<String, String> variables = new LinkedHashMap<>(redirect.variables());
        if (redirect.transferTo() != null) {
            variables.put(Dialplan.TRANSFER_TO, redirect.transferTo());
        }
        return variables;
    }

    private JsonObject transferNumbers() {
        JsonArray numbers = new JsonArray();
        new TreeMap<>(options.transferNumbers()).forEach((name, number) ->
                numbers.add(new JsonObject().put("name", name).put("number", number)));
        return new JsonObject().put("numbers", numbers);
    }

    /** Fetches a due callback's number, then lets the router dial it (or give the call back). */
    private void callbackDue(RoutingDecision.CallbackDue due) {
        fromStore(numbers.find(due.call()))
                .onSuccess(number -> apply(router.callbackNumberFound(due, number)))
                .onFailure(e -> {
                    log.warn("callback number unavailable call={}: {}; the call goes back to the queue", due.call(),
                            e.toString());
                    apply(router.callbackNumberUnavailable(due));
                });
    }

    /** A failure leaves the number to its expiry in the store (its safety net). */
    private void forgetNumber(CallId call) {
        fromStore(numbers.forget(call))
                .onFailure(e -> log.warn("callback number of call={} not deleted: {}", call, e.toString()));
    }

    /** Runs a command on the store; its events are logged and routed before the future completes. */
    private Future<Outcome> execute(QueueCommand command) {
        return execute(command, retriesFor(command));
    }

    /**
     * A store that failed (timeout, backend down) is asked again after a pause: commands are
     * idempotent, so a retry of one that did land changes nothing, and a hang-up or an answer is
     * never dropped by a passing failure. Not an enqueue (the IVR has given up by then and sends
     * the caller to Asterisk's queue) nor a tick (the next deadline brings another).
     */
    private Future<Outcome> execute(QueueCommand command, int retriesLeft) {
        return fromStore(store.execute(command))
                .onSuccess(outcome -> {
                    if (outcome instanceof Outcome.Rejected rejected) {
                        log.debug("refused {}: {} {}", command.getClass().getSimpleName(), rejected.reason(),
                                rejected.detail());
                    }
                    flow.record(outcome.events());
                    eventsObserver.accept(outcome.events());
                    apply(router.queueEvents(outcome.events()));
                    rescheduleTick();
                })
                .recover(e -> {
                    if (retriesLeft <= 0) {
                        log.error("queue store failed on {}: {}", command, e.toString());
                        return Future.failedFuture(e);
                    }
                    log.warn("queue store failed on {}: {}; retrying", command, e.toString());
                    Promise<Outcome> retried = Promise.promise();
                    vertx.setTimer(STORE_RETRY_DELAY.toMillis(),
                            id -> execute(command, retriesLeft - 1).onComplete(retried));
                    return retried.future();
                });
    }

    private static int retriesFor(QueueCommand command) {
        return command instanceof QueueCommand.Enqueue || command instanceof QueueCommand.Tick ? 0 : STORE_RETRIES;
    }

    private void apply(RoutingDecision decision) {
        decision.commands().forEach(this::execute);
        decision.actions().forEach(this::perform);
        decision.callbacksDue().forEach(this::callbackDue);
        decision.numbersToForget().forEach(this::forgetNumber);
        decision.later().forEach(deferred ->
                vertx.setTimer(realMillis(deferred.after()), id -> execute(deferred.command())));
    }

    private void perform(PbxAction action) {
        if (action instanceof PbxAction.ConnectToOperative connect) {
            pbx(gateway.connectToOperative(connect.callerChannel(), connect.endpoint()))
                    .onFailure(e -> pbxFailed(action, e));
        } else if (action instanceof PbxAction.OriginateCallback originate) {
            log.atInfo().setMessage("calling-back").addKeyValue("call", originate.call())
                    .addKeyValue("operative", originate.operative()).log();
            pbx(gateway.originate(originate.request()))
                    .onSuccess(result -> apply(router.originateEnded(originate.call(), originate.operative(), result)))
                    .onFailure(e -> pbxFailed(action, e));
        } else if (action instanceof PbxAction.Announce announce) {
            pbx(gateway.announce(announce.callerChannel(), announce.position(), announce.waitMinutes()))
                    .onFailure(e -> log.debug("announcement failed call={}: {}", announce.call(), e.toString()));
        }
    }

    private void pbxFailed(PbxAction action, Throwable e) {
        log.warn("pbx action failed call={} action={}: {}; the call goes back to the queue", action.call(),
                action.getClass().getSimpleName(), e.toString());
        apply(router.actionFailed(action));
    }

    private void rescheduleTick() {
        fromStore(store.nextDeadline())
                .onSuccess(ticker::deadlineIs)
                .onFailure(e -> log.warn("queue store: next deadline unknown: {}", e.toString()));
    }

    /**
     * Announces to the waiting callers this node can reach and holds the lease for: a lease spans three
     * rounds, so the holder keeps its callers and another node takes over those of a node that is gone. If the
     * leases cannot be had (Redis away), this round is skipped rather than risk announcing twice.
     */
    private void announce() {
        Duration lease = Duration.ofMillis(3 * realMillis(options.announceEvery()));
        fromStore(store.snapshot(SNAPSHOT_LIMIT))
                .map(router::announcements)
                .compose(candidates -> announcers.hold(node, candidates.stream().map(PbxAction::call).toList(), lease)
                        .map(held -> candidates.stream().filter(announce -> held.contains(announce.call())).toList()))
                .onSuccess(mine -> mine.forEach(this::perform))
                .onFailure(e -> log.warn("announcements skipped this round: {}", e.toString()));
    }

    private void summarise() {
        fromStore(store.snapshot(0)).onSuccess((QueueSnapshot snapshot) ->
                log.info("summary {}", QueueSummary.of(snapshot, flow.answered(), flow.completed(), flow.abandoned())));
    }

    private void every(Duration interval, boolean simulatedTime, Runnable task) {
        if (!interval.isZero()) {
            long millis = simulatedTime ? realMillis(interval) : Math.max(1, interval.toMillis());
            timers.add(vertx.setPeriodic(millis, id -> task.run()));
        }
    }

    private long realMillis(Duration simulated) {
        return Math.max(1, (long) (simulated.toMillis() / options.timeScale()));
    }

    private <T> Future<T> fromStore(CompletionStage<T> stage) {
        return Future.fromCompletionStage(stage, context).timeout(options.storeTimeout().toMillis(),
                TimeUnit.MILLISECONDS);
    }

    private <T> Future<T> pbx(Future<T> call) {
        return call.timeout(PBX_BACKSTOP.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** The calls answered, completed and abandoned so far; readable from any thread. */
    public CallFlowLog callFlow() {
        return flow;
    }
}
