package org.crisisline.queue.store.redis;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.crisisline.queue.callback.CallbackSlot;
import org.crisisline.queue.callback.CheckInPlan;
import org.crisisline.queue.callback.Rota;
import org.crisisline.queue.command.QueueCommand;
import org.crisisline.queue.config.QueueConfig;
import org.crisisline.queue.event.Outcome;
import org.crisisline.queue.event.QueueEvent;
import org.crisisline.queue.model.Call;
import org.crisisline.queue.model.CallId;
import org.crisisline.queue.model.CallSource;
import org.crisisline.queue.model.CallerRef;
import org.crisisline.queue.model.Language;
import org.crisisline.queue.model.Line;
import org.crisisline.queue.model.OperativeId;
import org.crisisline.queue.model.Skills;
import org.crisisline.queue.model.Tier;
import org.crisisline.queue.store.QueueStore;
import org.crisisline.queue.testing.QueueHarness;

/**
 * A seeded random load on a store, as a telephony adapter would send it: arrivals in every tier,
 * hang-ups, operatives logging on, off and ready, connects, unanswered offers, call ends, virtual
 * holds, unreachable callbacks, check-in series and ticks. Several loads may share one {@link Known}
 * so that their commands contend for the same calls and operatives. One load is used by one thread.
 */
final class StoreLoad {
    /** Operatives every load (and every node process) works with, so nodes contend for them. */
    static final int OPERATIVES = 8;

    private final QueueStore store;
    private final String name;
    private final Random random;
    private final Known known;
    private final Clock clock;
    private int nextCall;
    private int nextSeries;

    /** What the loads sharing it have learnt: calls made, and which call is offered to whom. */
    static final class Known {
        final List<CallId> calls = new CopyOnWriteArrayList<>();
        final Map<CallId, OperativeId> offered = new ConcurrentHashMap<>();
    }

    StoreLoad(QueueStore store, String name, long seed, Known known, Clock clock) {
        this.store = store;
        this.name = name;
        this.random = new Random(seed);
        this.known = known;
        this.clock = clock;
    }

    /**
     * The configuration every node of these tests runs: the defaults with callbacks short enough to
     * fall due within a test (two-second slots, a retry after three seconds).
     */
    static QueueConfig config() {
        return QueueHarness.settings("callbacks.slot-length", "2s", "callbacks.slot-lead-time", "2s",
                "callbacks.handle-time", "1s", "callbacks.retry-spacing", "3s");
    }

    /** Runs {@code steps} random commands, one after the other; returns every outcome. */
    List<Outcome> run(int steps) {
        List<Outcome> outcomes = new ArrayList<>(steps);
        for (int i = 0; i < steps; i++) {
            outcomes.add(step());
        }
        return outcomes;
    }

    /** One random command, waited for. */
    Outcome step() {
        return execute(nextCommand());
    }

    /**
     * Books a caller of this load into the first callback slot offered (a rota must be set): the
     * callback falls due a few seconds later. Returns the call.
     */
    CallId bookFirstSlot() {
        Instant now = clock.instant();
        execute(new QueueCommand.SetRota(new Rota(List.of(new Rota.Block(now.minus(Duration.ofHours(1)),
                now.plus(Duration.ofDays(1)), 10)))));
        CallId id = CallId.of(name + "-slot");
        execute(new QueueCommand.Enqueue(call(id, Tier.SUPPORT)));
        List<CallbackSlot> slots = await(store.offerSlots());
        Outcome booked = execute(new QueueCommand.BookSlot(id, slots.get(0).start()));
        if (!booked.isApplied()) {
            throw new IllegalStateException("the slot was not booked: " + booked);
        }
        return id;
    }

    Outcome execute(QueueCommand command) {
        Outcome outcome = await(store.execute(command));
        for (QueueEvent event : outcome.events()) {
            if (event instanceof QueueEvent.OperativeAssigned assigned) {
                known.offered.put(assigned.call(), assigned.operative());
            } else if (event instanceof QueueEvent.OfferNotAnswered e) {
                known.offered.remove(e.call());
            } else if (event instanceof QueueEvent.CallbackAttemptFailed e) {
                known.offered.remove(e.call());
            } else if (event instanceof QueueEvent.CallCompleted e) {
                known.offered.remove(e.call());
            } else if (event instanceof QueueEvent.CallerAbandoned e) {
                known.offered.remove(e.call());
            }
        }
        return outcome;
    }

    private QueueCommand nextCommand() {
        int dice = random.nextInt(100);
        if (dice < 30 || known.calls.isEmpty()) {
            return new QueueCommand.Enqueue(newCall(random.nextInt(10) < 5 ? Tier.CRISIS : Tier.SUPPORT));
        }
        if (dice < 35) {
            return new QueueCommand.Enqueue(newCall(Tier.IMMEDIATE_RISK));
        }
        if (dice < 45) {
            return new QueueCommand.EndCall(anyCall());
        }
        if (dice < 55) {
            return new QueueCommand.MarkConnected(offeredOrAny().call());
        }
        if (dice < 60) {
            int n = random.nextInt(OPERATIVES);
            return new QueueCommand.LogOn(operative(n), n < 2 ? Skills.clinicallyQualified() : Skills.trained());
        }
        if (dice < 70) {
            return new QueueCommand.MarkReady(operative(random.nextInt(OPERATIVES)));
        }
        if (dice < 74) {
            Offer offer = offeredOrAny();
            return new QueueCommand.MarkOfferNotAnswered(offer.call(), offer.operative());
        }
        if (dice < 79) {
            return new QueueCommand.AcceptVirtualHold(anyCall());
        }
        if (dice < 83) {
            return new QueueCommand.MarkCallerUnreachable(offeredOrAny().call(), "no answer");
        }
        if (dice < 85) {
            return new QueueCommand.LogOff(operative(random.nextInt(OPERATIVES)));
        }
        if (dice < 87) {
            String series = name + "-s" + nextSeries++;
            return new QueueCommand.ScheduleCheckIns(new CheckInPlan(series, new CallerRef("ref-" + series),
                    Language.ENGLISH, false, clock.instant().plus(Duration.ofHours(1)), Duration.ofDays(1), 3));
        }
        if (dice < 97) {
            return new QueueCommand.EndCall(offeredOrAny().call());
        }
        return new QueueCommand.Tick();
    }

    private Call newCall(Tier tier) {
        CallId id = CallId.of(name + "-c" + nextCall++);
        known.calls.add(id);
        return call(id, tier);
    }

    private Call call(CallId id, Tier tier) {
        return Call.live(id, new CallerRef("ref-" + id), tier == Tier.SUPPORT ? Line.SUPPORT : Line.CRISIS,
                CallSource.SELF, tier, Language.ENGLISH, false, clock.instant());
    }

    private CallId anyCall() {
        return known.calls.get(random.nextInt(known.calls.size()));
    }

    private record Offer(CallId call, OperativeId operative) {
    }

    /** A call known to be offered, with its operative; else any call and any operative. */
    private Offer offeredOrAny() {
        List<Map.Entry<CallId, OperativeId>> offers = new ArrayList<>(known.offered.entrySet());
        if (!offers.isEmpty() && random.nextInt(10) < 8) {
            Map.Entry<CallId, OperativeId> offer = offers.get(random.nextInt(offers.size()));
            return new Offer(offer.getKey(), offer.getValue());
        }
        return new Offer(anyCall(), operative(random.nextInt(OPERATIVES)));
    }

    static OperativeId operative(int n) {
        return OperativeId.of("op-" + n);
    }

    private static <T> T await(CompletionStage<T> stage) {
        return stage.toCompletableFuture().orTimeout(10, TimeUnit.SECONDS).join();
    }
}
