package org.crisisline.load.sim.engine;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.crisisline.load.sim.callers.Pickup;
import org.crisisline.load.sim.callers.SimulatedCaller;
import org.crisisline.load.sim.callers.SimulatedCheckIn;
import org.crisisline.load.sim.callers.SimulatedDay;
import org.crisisline.load.sim.day.DaySpec;
import org.crisisline.load.sim.day.DaySpec.RingTimes;
import org.crisisline.load.sim.metrics.DayResult;
import org.crisisline.load.sim.metrics.OutcomeRecorder;
import org.crisisline.load.sim.staff.Shift;
import org.crisisline.load.sim.staff.StaffPlan;
import org.crisisline.queue.callback.CheckInPlan;
import org.crisisline.queue.core.QueueCore;
import org.crisisline.queue.event.Outcome;
import org.crisisline.queue.event.QueueEvent;
import org.crisisline.queue.event.QueueEvent.ScreenResult;
import org.crisisline.queue.model.Actor;
import org.crisisline.queue.model.Call;
import org.crisisline.queue.model.CallId;
import org.crisisline.queue.model.CallKind;
import org.crisisline.queue.model.CallSource;
import org.crisisline.queue.model.CallState;
import org.crisisline.queue.model.Line;
import org.crisisline.queue.model.OperativeState;
import org.crisisline.queue.model.Tier;
import org.crisisline.queue.policy.CallbackOfferRule;

/**
 * Replays one simulated day through the real {@link QueueCore}, driven by a hand-moved clock.
 *
 * <p>The world outside the queue (callers, phones, operatives' shifts) is a time-ordered list of
 * {@link SimEvent}s; the core's own deadlines (recoveries ending, retries, thresholds) are honoured by
 * calling {@link QueueCore#tick()} at {@link QueueCore#nextDeadline()}, before any world event at the
 * same instant. The simulation reacts to what the core says happened: an {@code OperativeAssigned}
 * rings the operative (and, for a callback or check-in, then the person), a connection starts the
 * conversation, a break starting schedules its end. After midnight no one new calls, the rota
 * repeats, and the day runs on until every call has ended; a call still open after
 * {@link #GIVE_UP_AFTER} is reported as unresolved.
 *
 * <p>Single-threaded; one instance runs one day once.
 */
public final class DaySimulation {
    /** How long past the start of the day to keep going for the last calls to end. */
    public static final Duration GIVE_UP_AFTER = Duration.ofHours(48);
    /** Hours of shifts planned: the day, and the repeat of its rota while the last calls drain. */
    public static final int PLANNED_HOURS = (int) GIVE_UP_AFTER.toHours();

    private final SimClock clock = new SimClock(SimulatedDay.MIDNIGHT);
    private final EventQueue world = new EventQueue();
    private final QueueCore core;
    private final OutcomeRecorder recorder;
    private final SimulatedDay day;
    private final StaffPlan staff;
    private final DaySpec spec;
    private final Map<CallId, SimulatedCaller> callers = new HashMap<>();
    private final Map<CallId, SimulatedCheckIn> checkIns = new HashMap<>();
    private final Map<String, SimulatedCheckIn> checkInsBySeries = new HashMap<>();
    /** The current offer of each call: an event about an older offer is stale. */
    private final Map<CallId, Long> offers = new HashMap<>();
    private long offerCount;

    private DaySimulation(Strategy strategy, DaySpec spec, SimulatedDay day, StaffPlan staff) {
        this.core = new QueueCore(strategy.config(), clock);
        this.recorder = new OutcomeRecorder(core);
        this.spec = spec;
        this.day = day;
        this.staff = staff;
    }

    /** Runs {@code day} with {@code staff} through a fresh core configured as {@code strategy}. */
    public static DayResult run(Strategy strategy, DaySpec spec, SimulatedDay day, StaffPlan staff) {
        return new DaySimulation(strategy, spec, day, staff).run();
    }

    private DayResult run() {
        core.setRota(staff.coreRota());
        scheduleShifts();
        for (SimulatedCaller caller : day.callers()) {
            callers.put(caller.id(), caller);
            world.schedule(caller.arrives(), new SimEvent.CallerRings(caller));
        }
        scheduleCheckIns();
        Instant endOfDay = SimulatedDay.MIDNIGHT.plus(Duration.ofHours(DaySpec.HOURS));
        Instant giveUp = SimulatedDay.MIDNIGHT.plus(GIVE_UP_AFTER);
        while (!(clock.instant().isAfter(endOfDay) && recorder.resolved() == day.people())) {
            Optional<Instant> deadline = core.nextDeadline();
            if (deadline.isEmpty() && world.isEmpty()) {
                break;
            }
            boolean coreFirst = deadline.isPresent() && (world.isEmpty() || !deadline.get().isAfter(world.nextAt()));
            Instant at = coreFirst ? deadline.get() : world.nextAt();
            if (at.isAfter(giveUp)) {
                break;
            }
            clock.advanceTo(at);
            if (coreFirst) {
                react(core.tick());
            } else {
                handle(world.poll());
            }
        }
        return recorder.result(day.seed());
    }

    /** Log-ons are scheduled first, so that at a handover the newcomer is on before the leaver goes. */
    private void scheduleShifts() {
        for (Shift shift : staff.shifts()) {
            world.schedule(shift.start(), new SimEvent.ShiftStarts(shift));
        }
        for (Shift shift : staff.shifts()) {
            for (Instant breakAt : shift.breaks()) {
                world.schedule(breakAt, new SimEvent.BreakDue(shift));
            }
            world.schedule(shift.end(), new SimEvent.ShiftEnds(shift));
        }
    }

    /** Each check-in is a one-call series, booked at the start of the day. */
    private void scheduleCheckIns() {
        for (SimulatedCheckIn checkIn : day.checkIns()) {
            checkInsBySeries.put(checkIn.seriesId(), checkIn);
            Outcome booked = core.scheduleCheckIns(new CheckInPlan(checkIn.seriesId(), checkIn.person(),
                    checkIn.language(), false, checkIn.due(), Duration.ZERO, 1));
            requireApplied(booked, "schedule check-in " + checkIn.seriesId());
            react(booked);
        }
    }

    // --- the world acts --------------------------------------------------------------------

    private void handle(SimEvent event) {
        if (event instanceof SimEvent.CallerRings e) {
            callerRings(e.caller());
        } else if (event instanceof SimEvent.PatienceRunsOut e) {
            patienceRunsOut(e.call());
        } else if (event instanceof SimEvent.OperativePicksUp e) {
            ifCurrentOffer(e.call(), e.offer(), () -> core.connected(e.call()));
        } else if (event instanceof SimEvent.CalleeAnswers e) {
            ifCurrentOffer(e.call(), e.offer(), () -> core.connected(e.call()));
        } else if (event instanceof SimEvent.CalleeDoesNotAnswer e) {
            ifCurrentOffer(e.call(), e.offer(), () -> core.callerUnreachable(e.call(), "no answer"));
        } else if (event instanceof SimEvent.CheckInDeteriorated e) {
            ifCurrentOffer(e.call(), e.offer(), () -> core.screenCheckIn(e.call(), ScreenResult.DETERIORATED));
        } else if (event instanceof SimEvent.ConversationEnds e) {
            ifCurrentOffer(e.call(), e.offer(), () -> core.callEnded(e.call()));
        } else if (event instanceof SimEvent.ShiftStarts e) {
            react(core.logOn(e.shift().operative(), e.shift().skills()));
        } else if (event instanceof SimEvent.ShiftEnds e) {
            react(core.logOff(e.shift().operative()));
        } else if (event instanceof SimEvent.BreakDue e) {
            react(core.pause(e.shift().operative(), OperativeState.BREAK, Actor.SYSTEM, "rota break"));
        } else if (event instanceof SimEvent.BreakEnds e) {
            boolean stillOnBreak = core.operative(e.operative())
                    .map(op -> op.state() == OperativeState.BREAK).orElse(false);
            if (stillOnBreak) {
                react(core.ready(e.operative()));
            }
        }
    }

    /**
     * A caller joins the queue; a tier-2 or tier-3 caller facing a long wait is offered a callback
     * at once (tier 2 after the risk question, which a tier-2 caller passes by definition).
     */
    private void callerRings(SimulatedCaller caller) {
        Outcome joined = core.enqueue(Call.live(caller.id(), caller.caller(), lineOf(caller.tier()), CallSource.SELF,
                caller.tier(), caller.language(), false, clock.instant()));
        requireApplied(joined, "enqueue " + caller.id());
        react(joined);
        world.schedule(clock.instant().plus(caller.patience()), new SimEvent.PatienceRunsOut(caller.id()));
        if (caller.tier() != Tier.IMMEDIATE_RISK
                && core.callbackOffer(caller.id(), true) instanceof CallbackOfferRule.Offer
                && caller.acceptsCallback()) {
            react(core.acceptVirtualHold(caller.id()));
        }
    }

    /** A live caller still waiting, or still hearing the operative's phone ring, hangs up. */
    private void patienceRunsOut(CallId id) {
        boolean onTheLine = core.call(id)
                .filter(call -> call.kind() == CallKind.LIVE)
                .map(call -> call.state() == CallState.WAITING || call.state() == CallState.OFFERED)
                .orElse(false);
        if (onTheLine) {
            react(core.callEnded(id));
        }
    }

    private void ifCurrentOffer(CallId call, long offer, Supplier<Outcome> command) {
        Long current = offers.get(call);
        if (current != null && current == offer) {
            react(command.get());
        }
    }

    // --- the world reacts to the queue ------------------------------------------------------

    private void react(Outcome outcome) {
        recorder.record(outcome.events());
        for (QueueEvent event : outcome.events()) {
            if (event instanceof QueueEvent.OperativeAssigned e) {
                ring(e);
            } else if (event instanceof QueueEvent.CallConnected e) {
                converse(e.call());
            } else if (event instanceof QueueEvent.CallerAbandoned e) {
                offers.remove(e.call());
            } else if (event instanceof QueueEvent.CheckInScheduled e) {
                checkIns.put(e.call(), checkInsBySeries.get(e.checkIn().seriesId()));
            } else if (event instanceof QueueEvent.OperativeStateChanged e && e.to() == OperativeState.BREAK) {
                world.schedule(e.at().plus(staff.breakLength()), new SimEvent.BreakEnds(e.operative()));
            }
        }
    }

    /**
     * An operative was chosen. A live caller is connected when the operative picks up; an agent-first
     * call rings the operative, then the person, who answers or not as drawn for this attempt.
     */
    private void ring(QueueEvent.OperativeAssigned assigned) {
        long offer = ++offerCount;
        CallId id = assigned.call();
        offers.put(id, offer);
        Pickup pickup = pickupOf(id);
        Instant operativeUp = assigned.at().plus(pickup.operativeRing());
        if (!assigned.kind().isAgentFirst()) {
            world.schedule(operativeUp, new SimEvent.OperativePicksUp(id, offer));
            return;
        }
        int attempt = core.call(id).orElseThrow().attempts();
        RingTimes rings = spec.ringing();
        if (pickup.calleeAnswers(attempt)) {
            world.schedule(operativeUp.plus(pickup.calleeRing()), new SimEvent.CalleeAnswers(id, offer));
        } else {
            world.schedule(operativeUp.plus(rings.noAnswerAfter()), new SimEvent.CalleeDoesNotAnswer(id, offer));
        }
    }

    /** The conversation runs its drawn length; a check-in's screen comes first and may make it a crisis call. */
    private void converse(CallId id) {
        long offer = offers.get(id);
        SimulatedCheckIn checkIn = checkIns.get(id);
        if (checkIn == null) {
            world.schedule(clock.instant().plus(callers.get(id).talkTime()), new SimEvent.ConversationEnds(id, offer));
            return;
        }
        if (checkIn.deteriorates()) {
            world.schedule(clock.instant(), new SimEvent.CheckInDeteriorated(id, offer));
        }
        world.schedule(clock.instant().plus(checkIn.conversation()), new SimEvent.ConversationEnds(id, offer));
    }

    private Pickup pickupOf(CallId id) {
        SimulatedCheckIn checkIn = checkIns.get(id);
        return checkIn != null ? checkIn.pickup() : callers.get(id).pickup();
    }

    private static Line lineOf(Tier tier) {
        return switch (tier) {
            case SUPPORT -> Line.SUPPORT;
            default -> Line.CRISIS;
        };
    }

    /** The simulation only issues commands the core must accept; a refusal here is a bug, not an outcome. */
    private static void requireApplied(Outcome outcome, String what) {
        if (outcome instanceof Outcome.Rejected rejected) {
            throw new IllegalStateException("the core refused to " + what + ": " + rejected.reason() + " "
                    + rejected.detail());
        }
    }
}
