package org.crisisline.queue.core;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import org.crisisline.queue.callback.Rota;
import org.crisisline.queue.config.QueueConfig;
import org.crisisline.queue.event.QueueEvent;
import org.crisisline.queue.model.Call;
import org.crisisline.queue.model.CallId;
import org.crisisline.queue.model.CallKind;
import org.crisisline.queue.model.CallSource;
import org.crisisline.queue.model.CallState;
import org.crisisline.queue.model.CallerRef;
import org.crisisline.queue.model.Operative;
import org.crisisline.queue.model.OperativeId;
import org.crisisline.queue.model.OperativeState;
import org.crisisline.queue.model.Tier;
import org.crisisline.queue.ordering.WaitingLine;
import org.crisisline.queue.policy.DispatchView;
import org.crisisline.queue.policy.EmotionalLoadModel;
import org.crisisline.queue.policy.LineAndRosterView;
import org.crisisline.queue.policy.WaitEstimator;
import org.crisisline.queue.staff.Roster;

/**
 * The mutable state the core's desks share, and the event sink of the operation in progress.
 * Keeps calls, the waiting line and the roster in step: a call is in the line exactly when it is
 * {@link CallState#WAITING}.
 */
final class QueueState {
    private static final int ENDED_CALLS_REMEMBERED = 200_000;

    final QueueConfig config;
    final WaitingLine line;
    final Roster roster;
    final Timers timers = new Timers();
    final WaitEstimator estimator;
    private final Map<CallId, Call> open = new HashMap<>();
    /**
     * The callbacks callers asked for instead of waiting (virtual hold, an IVR slot), by caller: one who gets
     * through live no longer needs theirs. Sorted, so every replica ends them in the same order.
     */
    private final Map<CallerRef, SortedSet<CallId>> askedCallbacks = new HashMap<>();
    private final DispatchView view;
    private final EndedCalls ended = new EndedCalls(ENDED_CALLS_REMEMBERED);
    private EmotionalLoadModel load;
    private List<QueueEvent> out = new ArrayList<>();

    QueueState(QueueConfig config, Instant start) {
        this.config = config;
        this.line = new WaitingLine(config);
        this.roster = new Roster(config.protections().balanceEmotionalLoad());
        this.estimator = new WaitEstimator(config.initialHandleTime(), config.handleTimeSmoothing());
        this.load = new EmotionalLoadModel(config.loadHalfLife(), start);
        this.view = new LineAndRosterView(line, open, roster);
    }

    // --- events ---------------------------------------------------------------------

    void emit(QueueEvent event) {
        out.add(event);
    }

    List<QueueEvent> drainEvents() {
        List<QueueEvent> events = out;
        out = new ArrayList<>();
        return events;
    }

    // --- calls ----------------------------------------------------------------------

    Optional<Call> find(CallId id) {
        return Optional.ofNullable(open.get(id));
    }

    boolean hasEnded(CallId id) {
        return ended.contains(id);
    }

    boolean isKnown(CallId id) {
        return open.containsKey(id) || ended.contains(id);
    }

    /** Stores the new value of a call and puts it in or out of the line to match its state. */
    void put(Call call) {
        open.put(call.id(), call);
        fileAskedCallback(call);
        if (call.state() == CallState.WAITING) {
            if (!line.contains(call.id())) {
                line.add(call);
            }
        } else {
            line.remove(call.id());
        }
    }

    /** Stores a waiting call whose tier changed: it moves to the place its new tier gives it. */
    void putRetiered(Call call) {
        open.put(call.id(), call);
        fileAskedCallback(call);
        if (call.state() == CallState.WAITING) {
            line.add(call);
        }
    }

    void end(Call call) {
        open.remove(call.id());
        line.remove(call.id());
        ended.add(call.id());
        unfileAskedCallback(call);
    }

    Collection<Call> openCalls() {
        return open.values();
    }

    /** The open callbacks {@code caller} asked for instead of waiting, in call-id order (a copy). */
    List<Call> callbacksAskedBy(CallerRef caller) {
        return askedCallbacks.getOrDefault(caller, new TreeSet<>()).stream().map(open::get).toList();
    }

    /** A virtual hold, or a slot the caller picked in the IVR; not a callback an operative booked after a call. */
    private static boolean isAskedCallback(Call call) {
        return call.kind() == CallKind.VIRTUAL_HOLD
                || (call.kind() == CallKind.SLOT_CALLBACK && call.source() != CallSource.CALLBACK);
    }

    private void fileAskedCallback(Call call) {
        if (isAskedCallback(call)) {
            askedCallbacks.computeIfAbsent(call.caller(), caller -> new TreeSet<>()).add(call.id());
        } else {
            unfileAskedCallback(call);
        }
    }

    private void unfileAskedCallback(Call call) {
        SortedSet<CallId> ids = askedCallbacks.get(call.caller());
        if (ids != null && ids.remove(call.id()) && ids.isEmpty()) {
            askedCallbacks.remove(call.caller());
        }
    }

    // --- operatives -------------------------------------------------------------------

    /** Stores the new value of an operative and reports a change of state. */
    void change(Operative before, Operative after, Instant at) {
        roster.put(after);
        if (before == null || before.state() != after.state()) {
            emit(new QueueEvent.OperativeStateChanged(at, after.id(),
                    before == null ? OperativeState.OFFLINE : before.state(), after.state()));
        }
    }

    Optional<Operative> operative(OperativeId id) {
        return roster.find(id);
    }

    EmotionalLoadModel loadModel() {
        return load;
    }

    /** Moves the load epoch forward long before scores could overflow. */
    void rebaseLoadIfNeeded(Instant now) {
        if (load.needsRebase(now)) {
            EmotionalLoadModel newer = load.rebasedTo(now);
            EmotionalLoadModel older = load;
            roster.replaceAll(op -> op.withLoadScore(older.rebase(op.loadScore(), newer)));
            load = newer;
        }
    }

    // --- images -----------------------------------------------------------------------

    /** The calls, operatives, deadlines and load part of a core image. */
    CoreImage imageWith(Rota rota, List<CoreImage.SlotBooking> slots,
                        List<CoreImage.CheckInSeries> series, List<CoreImage.Screened> screened) {
        List<Call> calls = new ArrayList<>(open.values());
        calls.sort(Comparator.comparing(Call::id));
        List<Operative> operatives = new ArrayList<>(roster.all());
        operatives.sort(Comparator.comparing(Operative::id));
        List<CoreImage.Deadline> deadlines = new ArrayList<>();
        for (Timers.Timer timer : timers.pending()) {
            deadlines.add(new CoreImage.Deadline(timer.at(), timer.sequence(), timer.kind().name(), timer.ref()));
        }
        return new CoreImage(load.epoch(), estimator.meanHandleSeconds(), calls, ended.inOrder(), operatives,
                deadlines, timers.nextSequence(), rota, slots, series, screened);
    }

    /** Loads the calls, operatives, deadlines and load of an image into this (empty) state. */
    void restore(CoreImage image) {
        load = new EmotionalLoadModel(config.loadHalfLife(), image.loadEpoch());
        estimator.restoreMeanHandleSeconds(image.meanHandleSeconds());
        image.recentlyEnded().forEach(ended::add);
        image.openCalls().forEach(this::put);
        image.operatives().forEach(roster::put);
        List<Timers.Timer> pending = new ArrayList<>();
        for (CoreImage.Deadline d : image.deadlines()) {
            pending.add(new Timers.Timer(d.at(), d.sequence(), Timers.Kind.valueOf(d.kind()), d.ref()));
        }
        timers.restore(pending, image.nextDeadlineSequence());
    }

    // --- estimates ----------------------------------------------------------------------

    /** For a caller of this tier joining now. */
    Duration estimatedWait(Tier tier, Instant now) {
        return estimator.estimate(line.countAhead(tier, now), roster.availableCount(), roster.staffed());
    }

    /** For a caller already waiting: the callers ahead of their own place. */
    Duration estimatedWait(Call waiting) {
        int aheadIncludingSelf = line.countAhead(waiting.tier(), waiting.joinedAt());
        int ahead = line.contains(waiting.id()) ? aheadIncludingSelf - 1 : aheadIncludingSelf;
        return estimator.estimate(Math.max(0, ahead), roster.availableCount(), roster.staffed());
    }

    /** What the dispatch policy reads: the line, the open calls and the roster, live. */
    DispatchView dispatchView() {
        return view;
    }
}
