package org.crisisline.queue.testing;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.crisisline.queue.callback.CallbackBooking;
import org.crisisline.queue.callback.CheckInPlan;
import org.crisisline.queue.config.QueueConfig;
import org.crisisline.queue.config.QueueConfigReader;
import org.crisisline.queue.core.QueueCore;
import org.crisisline.queue.event.Outcome;
import org.crisisline.queue.event.QueueEvent;
import org.crisisline.queue.model.Actor;
import org.crisisline.queue.model.Call;
import org.crisisline.queue.model.CallId;
import org.crisisline.queue.model.CallState;
import org.crisisline.queue.model.Operative;
import org.crisisline.queue.model.OperativeId;
import org.crisisline.queue.model.OperativeState;
import org.crisisline.queue.model.Tier;

/**
 * A queue core on a hand-advanced clock, with short verbs for tests. Time only moves when a test says
 * so: {@link #runFor} behaves like the adapter around the core, which ticks it at every
 * {@link QueueCore#nextDeadline()} and at no other moment, so a test sees exactly what a caller would.
 */
public final class QueueHarness {
    public static final Instant START = Instant.parse("2026-11-22T18:00:00Z");
    public static final Actor LEAD = Actor.clinicalLead("lead-ann");
    public static final Actor OPERATIVE = Actor.operative("op-bob");

    private final MutableClock clock;
    private final QueueCore core;

    private QueueHarness(QueueConfig config) {
        this.clock = new MutableClock(START);
        this.core = new QueueCore(config, clock);
    }

    public static QueueHarness withDefaults() {
        return new QueueHarness(QueueConfig.defaults());
    }

    public static QueueHarness with(QueueConfig config) {
        return new QueueHarness(config);
    }

    /** The shipped defaults with these settings overridden, as {@code key, value, key, value...}. */
    public static QueueHarness withSettings(String... keysAndValues) {
        return new QueueHarness(settings(keysAndValues));
    }

    public static QueueConfig settings(String... keysAndValues) {
        if (keysAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("settings come in key, value pairs");
        }
        Map<String, String> overrides = new HashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            overrides.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return QueueConfigReader.read(overrides);
    }

    public QueueCore core() {
        return core;
    }

    public MutableClock clock() {
        return clock;
    }

    public Instant now() {
        return clock.instant();
    }

    // --- time ----------------------------------------------------------------------------

    /**
     * Lets {@code duration} pass as the adapter would: a tick at every deadline the core asks for on
     * the way, none in between and none at the end. Returns every event of those ticks.
     */
    public List<QueueEvent> runFor(Duration duration) {
        return runUntil(now().plus(duration));
    }

    public List<QueueEvent> runFor(long seconds) {
        return runFor(Duration.ofSeconds(seconds));
    }

    public List<QueueEvent> runUntil(Instant end) {
        List<QueueEvent> events = new ArrayList<>();
        Optional<Instant> next = core.nextDeadline();
        while (next.isPresent() && !next.get().isAfter(end)) {
            if (next.get().isAfter(now())) {
                clock.set(next.get());
            }
            events.addAll(core.tick().events());
            next = core.nextDeadline();
        }
        clock.set(end);
        return events;
    }

    /** Moves the clock without telling the core: the next command sees the new time. */
    public void advance(Duration duration) {
        clock.advance(duration);
    }

    public void advanceSeconds(long seconds) {
        clock.advanceSeconds(seconds);
    }

    public Outcome tick() {
        return core.tick();
    }

    // --- callers -------------------------------------------------------------------------

    public Outcome enqueue(CallerBuilder caller) {
        if (!caller.hasJoinTime()) {
            caller.joinedAt(now());
        }
        return core.enqueue(caller.build());
    }

    public Outcome connect(String call) {
        return core.connected(CallId.of(call));
    }

    /** The operative the call is offered to now did not answer. */
    public Outcome notAnswered(String call) {
        CallId id = CallId.of(call);
        return core.offerNotAnswered(id, core.call(id).flatMap(c -> c.operative()).orElseThrow());
    }

    public Outcome end(String call) {
        return core.callEnded(CallId.of(call));
    }

    public Outcome retier(String call, Tier tier, Actor by, String reason) {
        return core.retier(CallId.of(call), tier, by, reason);
    }

    public Outcome virtualHold(String call) {
        return core.acceptVirtualHold(CallId.of(call));
    }

    public Outcome bookSlot(String call, Instant slotStart) {
        return core.bookSlot(CallId.of(call), slotStart);
    }

    /** An operative books {@code callback} in the slot at {@code slotStart} for the caller of open call {@code after}. */
    public Outcome bookAfterCall(String callback, String after, Instant slotStart) {
        Call call = call(after);
        return core.bookCallbackAfterCall(new CallbackBooking(CallId.of(callback), call.caller(), call.tier(),
                call.language(), call.flaggedHighRisk(), slotStart));
    }

    public Outcome unreachable(String call) {
        return core.callerUnreachable(CallId.of(call), "no answer");
    }

    public Outcome scheduleCheckIns(CheckInPlan plan) {
        return core.scheduleCheckIns(plan);
    }

    /** Connects a call that has been offered and ends it after {@code talk}. */
    public List<QueueEvent> talk(String call, Duration talk) {
        List<QueueEvent> events = new ArrayList<>(connect(call).events());
        events.addAll(runFor(talk));
        events.addAll(end(call).events());
        return events;
    }

    // --- operatives ----------------------------------------------------------------------

    public Outcome logOn(OperativeBuilder operative) {
        return core.logOn(operative.id(), operative.skills());
    }

    public Outcome logOff(String operative) {
        return core.logOff(OperativeId.of(operative));
    }

    public Outcome ready(String operative) {
        return core.ready(OperativeId.of(operative));
    }

    public Outcome pause(String operative, OperativeState block, Actor by, String reason) {
        return core.pause(OperativeId.of(operative), block, by, reason);
    }

    public Outcome takeCall(String call, String operative, Actor by, String reason) {
        return core.takeCall(CallId.of(call), OperativeId.of(operative), by, reason);
    }

    // --- what the core says ---------------------------------------------------------------

    public Call call(String id) {
        return core.call(CallId.of(id)).orElseThrow(() -> new AssertionError("no open call " + id));
    }

    public boolean isOpen(String id) {
        return core.call(CallId.of(id)).isPresent();
    }

    public CallState stateOf(String call) {
        return call(call).state();
    }

    public Operative operative(String id) {
        return core.operative(OperativeId.of(id)).orElseThrow(() -> new AssertionError("no operative " + id));
    }

    /** Who the call is offered to or talking with. */
    public String operativeOf(String call) {
        return call(call).operative().map(OperativeId::value).orElse("nobody");
    }

    public List<String> waitingInOrder() {
        return core.waitingInOrder().stream().map(CallId::value).toList();
    }

    // --- events --------------------------------------------------------------------------

    public static <T extends QueueEvent> List<T> only(Class<T> type, List<? extends QueueEvent> events) {
        return events.stream().filter(type::isInstance).map(type::cast).toList();
    }

    public static <T extends QueueEvent> List<T> only(Class<T> type, Outcome outcome) {
        return only(type, outcome.events());
    }

    /** The call a terminal event ends ({@link QueueEvent#callEndedBy}). */
    public static Optional<CallId> terminalCall(QueueEvent event) {
        return QueueEvent.callEndedBy(event);
    }

    public static List<Class<?>> typesOf(List<? extends QueueEvent> events) {
        return events.stream().<Class<?>>map(Object::getClass).toList();
    }

    public static List<Class<?>> typesOf(Outcome outcome) {
        return typesOf(outcome.events());
    }
}
