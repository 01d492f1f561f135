package org.crisisline.queue.core;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.crisisline.queue.callback.CallbackBooking;
import org.crisisline.queue.callback.CallbackSlot;
import org.crisisline.queue.callback.CheckInPlan;
import org.crisisline.queue.callback.Rota;
import org.crisisline.queue.config.QueueConfig;
import org.crisisline.queue.event.Outcome;
import org.crisisline.queue.event.QueueEvent.ScreenResult;
import org.crisisline.queue.model.Actor;
import org.crisisline.queue.model.Call;
import org.crisisline.queue.model.CallId;
import org.crisisline.queue.model.CallState;
import org.crisisline.queue.model.Operative;
import org.crisisline.queue.model.OperativeId;
import org.crisisline.queue.model.OperativeState;
import org.crisisline.queue.model.Skills;
import org.crisisline.queue.model.Tier;
import org.crisisline.queue.ordering.WaitingLine;
import org.crisisline.queue.policy.Assignment;
import org.crisisline.queue.policy.CallbackOfferRule;
import org.crisisline.queue.policy.DispatchPolicy;
import org.crisisline.queue.policy.LongestIdlePolicy;
import org.crisisline.queue.policy.StaffLoadPolicy;

/**
 * The queue core: the tiered caller queue, callbacks and check-ins, and the dispatcher, for one line
 * group. Plain Java: no I/O, no threads, time from the injected {@link Clock}.
 *
 * <p>Every command first lets time pass (deadlines that fell due fire, in order), then applies the
 * change, then dispatches: while callers wait and operatives are free, the policy picks the next pair.
 * It returns everything that happened as an {@link Outcome}. Every command is idempotent: repeated
 * with the same call or operative, it changes nothing twice (a repeat returns no events).
 *
 * <p>Threading: not thread-safe. One owner calls it (single writer); the store or the verticle
 * around it serialises commands.
 */
public final class QueueCore {
    private final Clock clock;
    private final QueueState state;
    private final DispatchPolicy policy;
    private final StaffDesk staff;
    private final CheckInDesk checkIns;
    private final CallbackDesk callbacks;
    private final CallDesk calls;

    public QueueCore(QueueConfig config, Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.state = new QueueState(Objects.requireNonNull(config, "config"), clock.instant());
        this.policy = config.policy() == QueueConfig.Policy.STAFF_LOAD
                ? new StaffLoadPolicy(config)
                : new LongestIdlePolicy();
        this.staff = new StaffDesk(state);
        this.checkIns = new CheckInDesk(state);
        this.callbacks = new CallbackDesk(state, staff, checkIns);
        this.calls = new CallDesk(state, staff, checkIns);
    }

    public QueueConfig config() {
        return state.config;
    }

    // --- callers ------------------------------------------------------------------------

    /** A live caller joins the queue (after the IVR). Repeated with the same call id: no change. */
    public Outcome enqueue(Call call) {
        return operate(now -> calls.enqueue(call, now));
    }

    /** Moves a caller to another tier, waiting or in conversation; the join time (the place) is kept. */
    public Outcome retier(CallId call, Tier tier, Actor by, String reason) {
        return operate(now -> calls.retier(call, tier, by, reason, now));
    }

    /** Operative and caller are connected. */
    public Outcome connected(CallId call) {
        return operate(now -> calls.connected(call, now));
    }

    /**
     * The operative did not answer the call offered to them: the caller keeps the place, the operative
     * is not ready. Idempotent even after the call has been offered again: a repeat naming an earlier
     * operative changes nothing.
     */
    public Outcome offerNotAnswered(CallId call, OperativeId operative) {
        Objects.requireNonNull(operative, "operative");
        return operate(now -> calls.offerNotAnswered(call, operative, now));
    }

    /**
     * The caller's leg ended: abandoned if waiting, completed if talking. Repeats change nothing. For a
     * callback or check-in that has not connected yet it changes nothing either (the caller on virtual hold
     * hung up on purpose): report an unanswered callback with {@link #callerUnreachable}.
     */
    public Outcome callEnded(CallId call) {
        return operate(now -> calls.callEnded(call, now));
    }

    // --- callbacks and check-ins --------------------------------------------------------

    /** Whether this waiting caller may be offered a callback now, and why not. */
    public CallbackOfferRule.Decision callbackOffer(CallId call, boolean riskQuestionPassed) {
        Instant now = clock.instant();
        return state.find(call)
                .map(c -> callbacks.offerFor(c, riskQuestionPassed, now))
                .orElseGet(() -> new CallbackOfferRule.NoOffer("no open call " + call));
    }

    /** The caller hangs up and keeps the place; called back agent-first when it comes. */
    public Outcome acceptVirtualHold(CallId call) {
        return operate(now -> callbacks.acceptVirtualHold(call, now));
    }

    /** The next callback windows with room, for the IVR to read out. */
    public List<CallbackSlot> offerSlots() {
        return callbacks.offerSlots(clock.instant());
    }

    public Outcome bookSlot(CallId call, Instant slotStart) {
        return operate(now -> callbacks.bookSlot(call, slotStart, now));
    }

    /** An operative booked a callback slot for a caller after their call: a new agent-first call. */
    public Outcome bookCallbackAfterCall(CallbackBooking booking) {
        return operate(now -> callbacks.bookAfterCall(booking, now));
    }

    /** A clinical lead cancels a booked callback not being made now ({@link QueueCommand.CancelCallback}). */
    public Outcome cancelCallback(CallId call, Actor by, String reason) {
        return operate(now -> callbacks.cancel(call, by, reason, now));
    }

    /** The operative's leg of an agent-first call was up, but the caller did not answer. */
    public Outcome callerUnreachable(CallId call, String reason) {
        return operate(now -> callbacks.callerUnreachable(call, reason, now));
    }

    public Outcome scheduleCheckIns(CheckInPlan plan) {
        return operate(now -> checkIns.schedule(plan, now));
    }

    public Outcome screenCheckIn(CallId call, ScreenResult result) {
        return operate(now -> checkIns.screen(call, result, now));
    }

    public Outcome shortenCheckIns(String seriesId, Actor by, String reason) {
        return operate(now -> checkIns.shorten(seriesId, by, reason, now));
    }

    /** The staff rota, from which callback slot capacity is computed. */
    public Outcome setRota(Rota rota) {
        Objects.requireNonNull(rota, "rota");
        return operate(now -> {
            callbacks.setRota(rota);
            return null;
        });
    }

    // --- operatives ---------------------------------------------------------------------

    public Outcome logOn(OperativeId operative, Skills skills) {
        return operate(now -> staff.logOn(operative, skills, now));
    }

    public Outcome logOff(OperativeId operative) {
        return operate(now -> staff.logOff(operative, now));
    }

    public Outcome ready(OperativeId operative) {
        return operate(now -> staff.ready(operative, now));
    }

    /** A break or supervision block (from the rota, or a lead's override); on a call, after it. */
    public Outcome pause(OperativeId operative, OperativeState block, Actor by, String reason) {
        return operate(now -> staff.pause(operative, block, by, reason, now));
    }

    /** A lead's override: this operative takes this waiting call now. */
    public Outcome takeCall(CallId call, OperativeId operative, Actor by, String reason) {
        return operate(now -> calls.takeCall(call, operative, by, reason, now));
    }

    // --- time ---------------------------------------------------------------------------

    /** Lets time pass: fires due deadlines and dispatches. Call it at {@link #nextDeadline()}. */
    public Outcome tick() {
        return operate(now -> null);
    }

    /** When the core next needs a {@link #tick()}, if ever. */
    public Optional<Instant> nextDeadline() {
        return state.timers.next();
    }

    // --- queries ------------------------------------------------------------------------

    public Optional<Call> call(CallId id) {
        return state.find(id);
    }

    public Optional<Operative> operative(OperativeId id) {
        return state.operative(id);
    }

    public int waitingCount() {
        return state.line.size();
    }

    public Duration estimatedWait(Tier tier) {
        return state.estimatedWait(tier, clock.instant());
    }

    /** An operative's emotional load now, in tier-weighted seconds. */
    public double loadOf(OperativeId id) {
        return state.operative(id).map(op -> state.loadModel().valueAt(op.loadScore(), clock.instant()))
                .orElse(0.0);
    }

    /** The whole picture (what leads watch); the waiting list is capped at {@code waitingLimit} callers. */
    public QueueSnapshot snapshot(int waitingLimit) {
        Instant now = clock.instant();
        List<Call> waiting = new ArrayList<>();
        for (CallId id : state.line.firstInOrder(waitingLimit)) {
            waiting.add(state.find(id).orElseThrow());
        }
        List<Call> other = new ArrayList<>();
        Map<Tier, Integer> counts = new EnumMap<>(Tier.class);
        Map<Tier, Duration> longest = new EnumMap<>(Tier.class);
        Map<Tier, Duration> estimates = new EnumMap<>(Tier.class);
        for (Tier tier : Tier.values()) {
            counts.put(tier, state.line.count(tier));
            longest.put(tier, Duration.ZERO);
            estimates.put(tier, state.estimatedWait(tier, now));
        }
        for (Call call : state.openCalls()) {
            if (call.state() == CallState.WAITING) {
                longest.merge(call.tier(), call.waitedAt(now), (a, b) -> a.compareTo(b) >= 0 ? a : b);
            } else {
                other.add(call);
            }
        }
        other.sort((a, b) -> a.id().compareTo(b.id()));
        List<QueueSnapshot.OperativeLoad> operatives = new ArrayList<>();
        for (Operative op : state.roster.all()) {
            operatives.add(new QueueSnapshot.OperativeLoad(op, state.loadModel().valueAt(op.loadScore(), now)));
        }
        operatives.sort((a, b) -> a.operative().id().compareTo(b.operative().id()));
        return new QueueSnapshot(now, waiting, other, operatives, counts, longest, estimates);
    }

    // --- images -------------------------------------------------------------------------

    /** Everything this core knows, to be saved by a durable store. */
    public CoreImage image() {
        return state.imageWith(callbacks.rota(), callbacks.slotImage(), checkIns.image(), checkIns.screenedImage());
    }

    /** A core rebuilt from an image, exactly as the core that made it was. */
    public static QueueCore restore(QueueConfig config, Clock clock, CoreImage image) {
        QueueCore core = new QueueCore(config, clock);
        core.state.restore(image);
        core.callbacks.restore(image.rota(), image.slotBookings());
        core.checkIns.restore(image.checkInSeries(), image.screened());
        return core;
    }

    // --- the operation frame --------------------------------------------------------------

    private Outcome operate(Function<Instant, Refusal> change) {
        Instant now = clock.instant();
        fireDeadlines(now);
        Refusal refusal = change.apply(now);
        dispatch(now);
        return refusal == null
                ? Outcome.applied(state.drainEvents())
                : Outcome.rejected(refusal.reason(), refusal.detail(), state.drainEvents());
    }

    private void fireDeadlines(Instant now) {
        state.rebaseLoadIfNeeded(now);
        for (Timers.Timer timer : state.timers.due(now)) {
            switch (timer.kind()) {
                case RECOVERY_ENDS -> staff.recoveryEnds(new OperativeId(timer.ref()), timer.at());
                case CALL_DUE -> callbacks.due(new CallId(timer.ref()), timer.at());
                case TIER_ONE_OVERDUE -> calls.tierOneOverdue(new CallId(timer.ref()), timer.at());
                case CALLBACK_OVERDUE -> callbacks.overdue(new CallId(timer.ref()), timer.at());
                case RECHECK -> { }
            }
        }
    }

    private void dispatch(Instant now) {
        Optional<Assignment> next = policy.next(state.dispatchView(), now);
        while (next.isPresent()) {
            calls.assign(next.get(), now);
            next = policy.next(state.dispatchView(), now);
        }
    }

    /** For tests and benchmarks: the serving order of waiting calls. */
    public List<CallId> waitingInOrder() {
        List<CallId> ids = new ArrayList<>();
        Iterator<WaitingLine.Place> it = state.line.inOrder();
        while (it.hasNext()) {
            ids.add(it.next().call());
        }
        return ids;
    }
}
