package org.crisisline.load.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.crisisline.queue.config.QueueConfig;
import org.crisisline.queue.core.QueueCore;
import org.crisisline.queue.event.Outcome;
import org.crisisline.queue.event.QueueEvent;
import org.crisisline.queue.model.Actor;
import org.crisisline.queue.model.Call;
import org.crisisline.queue.model.CallId;
import org.crisisline.queue.model.OperativeId;
import org.crisisline.queue.model.OperativeState;
import org.crisisline.queue.model.Tier;

/**
 * A queue core held at a steady state between measured commands: about 10,000 callers waiting and 2,000
 * operatives logged on, nearly all of them on a call. It plays the rest of the world from the events the
 * core returns: every offered call is answered, the line is topped up (or trimmed by an abandonment), and
 * under the staff-load policy about 100 operatives are kept in recovery by ending calls.
 *
 * <p>The benchmarks call {@link #advance()} (and the preparation for their command) in an
 * invocation-level setup, so none of this is in the measured time; the measured command then runs at an
 * instant where no deadline is due, so it times the command and its dispatch, not a backlog of timers.
 *
 * <p>Threading: not thread-safe; one benchmark thread owns it.
 */
final class Floor {
    static final Instant START = Instant.parse("2025-01-06T06:00:00Z");
    static final int OPERATIVES = 2_000;
    static final int WAITING = 10_000;
    static final int RECOVERING = 100;
    /** About how often one of 2,000 operatives finishes a call (15-20 min handle time). */
    static final Duration STEP = Duration.ofMillis(500);

    final ManualClock clock = new ManualClock(START);
    final QueueCore core;
    final Crowd crowd;
    final Random random;
    private final FloorScenario kind;
    private final int recoveringTarget;

    private final IndexedSet<CallId> waiting = new IndexedSet<>();
    private final Map<Tier, IndexedSet<CallId>> waitingByTier = new EnumMap<>(Tier.class);
    private final Map<CallId, Tier> tierOf = new HashMap<>();
    private final ArrayDeque<CallId> offered = new ArrayDeque<>();
    private final IndexedSet<OperativeId> onCall = new IndexedSet<>();
    private final Map<OperativeId, CallId> callOf = new HashMap<>();
    private final IndexedSet<OperativeId> recovering = new IndexedSet<>();
    private final Map<OperativeId, OperativeState> stateOf = new HashMap<>();
    private final ArrayDeque<Tier> toReplace = new ArrayDeque<>();

    private long measured;
    private long measuredAssignments;
    private long measuredEvents;

    Floor(FloorScenario kind, long seed) {
        this.kind = kind;
        this.random = new Random(seed);
        this.crowd = new Crowd(random);
        QueueConfig config = kind == FloorScenario.LONGEST_IDLE_BASELINE
                ? QueueConfig.defaults().asLongestIdleBaseline()
                : QueueConfig.defaults();
        this.core = new QueueCore(config, clock);
        this.recoveringTarget = config.protections().recoveryTime() ? RECOVERING : 0;
        for (Tier tier : Tier.values()) {
            waitingByTier.put(tier, new IndexedSet<>());
        }
        build();
    }

    private void build() {
        for (int i = 0; i < OPERATIVES; i++) {
            absorb(core.logOn(Crowd.operative(i), crowd.skills()));
        }
        // Everyone takes a call, then the line builds up behind them.
        for (int i = 0; i < OPERATIVES; i++) {
            absorb(core.enqueue(crowd.caller(crowd.arrivalTier(), clock.instant())));
            clock.advance(Duration.ofMillis(10));
        }
        answerOffers();
        toReplace.clear();
        for (int i = 0; i < WAITING; i++) {
            Tier tier = kind == FloorScenario.STAFF_LOAD ? crowd.lowerTier() : crowd.arrivalTier();
            absorb(core.enqueue(crowd.caller(tier, clock.instant())));
            clock.advance(STEP);
        }
        settle();
        if (waiting.size() != WAITING || onCall.size() < OPERATIVES - RECOVERING - 10) {
            throw new IllegalStateException("the floor did not build: " + describe());
        }
    }

    /** Time passes by one step: due deadlines fire, then the state is put back to 10k/2k. */
    void advance() {
        clock.advance(STEP);
        absorb(core.tick());
        settle();
    }

    /** Puts the state back: offers answered, the line at 10,000, recovery at its target. */
    void settle() {
        while (true) {
            answerOffers();
            if (waiting.size() < WAITING) {
                absorb(core.enqueue(crowd.caller(nextArrivalTier(), clock.instant())));
            } else if (waiting.size() > WAITING) {
                abandonOne();
            } else if (recovering.size() < recoveringTarget && onCall.size() > 0) {
                endCallIntoRecovery();
            } else if (offered.isEmpty()) {
                return;
            }
        }
    }

    /** An operative on a call asks for a break; the call ends: they are on a break, nobody is free. */
    OperativeId sendSomeoneOnBreak() {
        OperativeId op = onCall.random(random);
        CallId call = callOf.get(op);
        absorb(core.pause(op, OperativeState.BREAK, Actor.SYSTEM, "bench: back in a moment"));
        absorb(core.callEnded(call));
        if (stateOf.get(op) != OperativeState.BREAK) {
            throw new IllegalStateException(op + " is " + stateOf.get(op) + ", not on a break");
        }
        return op;
    }

    /** A random waiting caller hangs up (the line drops to 9,999). */
    void abandonOne() {
        absorb(core.callEnded(waiting.random(random)));
    }

    /** The next caller to join: from the arrival mix, or like for like in the tier-1 backlog. */
    Call nextArrival() {
        return crowd.caller(nextArrivalTier(), clock.instant());
    }

    int waitingIn(Tier tier) {
        return waitingByTier.get(tier).size();
    }

    CallId randomWaitingIn(Tier tier) {
        return waitingByTier.get(tier).random(random);
    }

    /** Takes in the outcome of a measured command (counted apart, for the report). */
    void absorbMeasured(Outcome outcome) {
        if (outcome == null) {
            return;
        }
        measured++;
        measuredEvents += outcome.events().size();
        for (QueueEvent event : outcome.events()) {
            if (event instanceof QueueEvent.OperativeAssigned) {
                measuredAssignments++;
            }
        }
        absorb(outcome);
    }

    private Tier nextArrivalTier() {
        if (kind == FloorScenario.STAFF_LOAD_TIER_ONE_BACKLOG && !toReplace.isEmpty()) {
            return toReplace.poll();
        }
        return crowd.arrivalTier();
    }

    private void answerOffers() {
        while (!offered.isEmpty()) {
            absorb(core.connected(offered.poll()));
        }
    }

    /** Ends a tier-1 or tier-2 call if one is found in a few tries: its operative goes into recovery. */
    private void endCallIntoRecovery() {
        OperativeId op = onCall.random(random);
        for (int tries = 0; tries < 20 && tierOf.get(callOf.get(op)) == Tier.SUPPORT; tries++) {
            op = onCall.random(random);
        }
        absorb(core.callEnded(callOf.get(op)));
    }

    private void abandonedOrServed(CallId call) {
        if (waiting.remove(call)) {
            Tier tier = tierOf.get(call);
            waitingByTier.get(tier).remove(call);
            if (kind == FloorScenario.STAFF_LOAD_TIER_ONE_BACKLOG) {
                toReplace.add(tier);
            }
        }
    }

    private void absorb(Outcome outcome) {
        if (!outcome.isApplied()) {
            throw new IllegalStateException("the driver's command was refused: " + outcome);
        }
        for (QueueEvent event : outcome.events()) {
            if (event instanceof QueueEvent.CallerQueued e) {
                waiting.add(e.call().id());
                waitingByTier.get(e.call().tier()).add(e.call().id());
                tierOf.put(e.call().id(), e.call().tier());
            } else if (event instanceof QueueEvent.CallerRetiered e) {
                tierOf.put(e.call(), e.to());
                if (waitingByTier.get(e.from()).remove(e.call())) {
                    waitingByTier.get(e.to()).add(e.call());
                }
            } else if (event instanceof QueueEvent.CallerAbandoned e) {
                abandonedOrServed(e.call());
                tierOf.remove(e.call());
            } else if (event instanceof QueueEvent.OperativeAssigned e) {
                abandonedOrServed(e.call());
                offered.add(e.call());
            } else if (event instanceof QueueEvent.CallConnected e) {
                onCall.add(e.operative());
                callOf.put(e.operative(), e.call());
            } else if (event instanceof QueueEvent.CallCompleted e) {
                onCall.remove(e.operative());
                callOf.remove(e.operative());
                tierOf.remove(e.call());
            } else if (event instanceof QueueEvent.OperativeStateChanged e) {
                stateOf.put(e.operative(), e.to());
                if (e.to() == OperativeState.RECOVERY) {
                    recovering.add(e.operative());
                } else if (e.from() == OperativeState.RECOVERY) {
                    recovering.remove(e.operative());
                }
            }
        }
    }

    /** One line for the benchmark log: is the state still what the benchmark says it is? */
    String describe() {
        Map<Tier, Integer> byTier = new EnumMap<>(Tier.class);
        waitingByTier.forEach((tier, calls) -> byTier.put(tier, calls.size()));
        Map<OperativeState, Integer> byState = new EnumMap<>(OperativeState.class);
        stateOf.values().forEach(s -> byState.merge(s, 1, Integer::sum));
        return String.format("%s at %s: waiting=%d (core: %d) %s, operatives %s; measured commands=%d, "
                        + "assignments per command=%.3f, events per command=%.2f",
                kind, clock.instant(), waiting.size(), core.waitingCount(), byTier, byState, measured,
                measured == 0 ? 0.0 : (double) measuredAssignments / measured,
                measured == 0 ? 0.0 : (double) measuredEvents / measured);
    }
}
