package org.crisisline.queue.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.RandomDistribution;
import net.jqwik.api.Tuple;
import org.crisisline.queue.callback.CallbackSlot;
import org.crisisline.queue.callback.CallbackBooking;
import org.crisisline.queue.callback.CheckInPlan;
import org.crisisline.queue.callback.Rota;
import org.crisisline.queue.config.DispatchProtections;
import org.crisisline.queue.config.QueueConfig;
import org.crisisline.queue.event.Outcome;
import org.crisisline.queue.event.QueueEvent;
import org.crisisline.queue.event.QueueEvent.AlertReason;
import org.crisisline.queue.event.QueueEvent.ScreenResult;
import org.crisisline.queue.model.Actor;
import org.crisisline.queue.model.Call;
import org.crisisline.queue.model.CallId;
import org.crisisline.queue.model.CallKind;
import org.crisisline.queue.model.CallSource;
import org.crisisline.queue.model.CallState;
import org.crisisline.queue.model.CallerRef;
import org.crisisline.queue.model.Language;
import org.crisisline.queue.model.Line;
import org.crisisline.queue.model.Operative;
import org.crisisline.queue.model.OperativeId;
import org.crisisline.queue.model.OperativeState;
import org.crisisline.queue.model.Skills;
import org.crisisline.queue.model.Tier;
import org.crisisline.queue.testing.MutableClock;
import org.crisisline.queue.testing.QueueHarness;

/**
 * DOMAIN.md's rules that must always hold, checked after every step of random days: callers arriving
 * in random tiers and languages, hanging up, being re-tiered, called back and checked in on, and
 * operatives logging on and off, pausing, answering or not, while time passes the way the adapter
 * drives it (a tick at every {@link QueueCore#nextDeadline()} and nowhere else).
 *
 * <p>After every step: no call lost or duplicated; the core's states agree with the events it
 * returned; no call with two operatives and no operative with two calls; tier 1 ahead of every lower
 * tier and the order of the line stable; nobody served who may not be (breaks, supervision, the
 * reserve, the cap, the language wait, recovery); and nobody left waiting whom the policy could serve
 * now (so no lower tier is starved). At the end, fresh operatives drain the line.
 */
class QueueInvariantsTest {
    private static final int OPERATIVES = 6;
    private static final Actor LEAD = Actor.clinicalLead("lead");
    private static final Actor SELF = Actor.operative("self");

    @Property(tries = 300)
    void defaultPolicyKeepsEveryRule(@ForAll("scripts") List<Step> script) {
        new Day(QueueConfig.defaults()).play(script);
    }

    @Property(tries = 300)
    void everyMixOfProtectionsKeepsEveryRule(@ForAll("configs") QueueConfig config,
                                             @ForAll("scripts") List<Step> script) {
        new Day(config).play(script);
    }

    // --- what a day is made of --------------------------------------------------------------

    /** One thing that happens. {@code pick}s choose among the calls the step can apply to, at that moment. */
    sealed interface Step {
    }

    record Arrive(Tier tier, String language, boolean flagged) implements Step {
    }

    record HangUp(int pick) implements Step {
    }

    record Retier(int pick, Tier to, boolean byLead) implements Step {
    }

    record LogOn(int operative) implements Step {
    }

    record LogOff(int operative) implements Step {
    }

    record Ready(int operative) implements Step {
    }

    record Pause(int operative, boolean supervision, boolean byLead) implements Step {
    }

    record Connect(int pick) implements Step {
    }

    /** The operative rung did not answer; {@code naming} says which operative the PBX reports. */
    record NotAnswered(int pick, boolean naming) implements Step {
    }

    record End(int pick) implements Step {
    }

    record VirtualHold(int pick) implements Step {
    }

    record BookSlot(int pick, int slot) implements Step {
    }

    /** The operative on a connected call books a callback slot for its caller. */
    record BookAfterCall(int pick, int slot) implements Step {
    }

    record Unreachable(int pick) implements Step {
    }

    record ScheduleCheckIns(int series, int calls, int firstDueMinutes, int intervalMinutes) implements Step {
    }

    record Screen(int pick, ScreenResult result) implements Step {
    }

    record Shorten(int series) implements Step {
    }

    record TakeCall(int pick, int operative) implements Step {
    }

    record SetRota(int operatives) implements Step {
    }

    /** Time passes as the adapter lets it: ticks at the core's deadlines only. */
    record Advance(int seconds) implements Step {
    }

    record Tick() implements Step {
    }

    /** Time passes with no tick at all (a stalled adapter): the next command catches up. */
    record Stall(int seconds) implements Step {
    }

    /** The previous command again, at once: it must change nothing. */
    record Repeat() implements Step {
    }

    @Provide
    Arbitrary<List<Step>> scripts() {
        Arbitrary<Integer> pick = Arbitraries.integers().between(0, 30);
        Arbitrary<Integer> operative = Arbitraries.integers().between(0, OPERATIVES - 1);
        Arbitrary<Tier> tier = Arbitraries.of(Tier.IMMEDIATE_RISK, Tier.CRISIS, Tier.SUPPORT);
        Arbitrary<String> language = Arbitraries.frequencyOf(
                Tuple.of(6, Arbitraries.just("en")), Tuple.of(1, Arbitraries.of("pl", "cy", "ar")));
        Arbitrary<Boolean> rarely = Arbitraries.frequencyOf(Tuple.of(5, Arbitraries.just(false)),
                Tuple.of(1, Arbitraries.just(true)));
        Arbitrary<Integer> seconds = Arbitraries.frequencyOf(
                Tuple.of(6, Arbitraries.integers().between(0, 20)),
                Tuple.of(3, Arbitraries.integers().between(20, 400)),
                Tuple.of(1, Arbitraries.integers().between(400, 4000)));
        Arbitrary<Step> step = Arbitraries.frequencyOf(
                Tuple.of(12, Combinators.combine(tier, language, rarely).as(Arrive::new)),
                Tuple.of(3, pick.map(HangUp::new)),
                Tuple.of(2, Combinators.combine(pick, tier, Arbitraries.of(true, false)).as(Retier::new)),
                Tuple.of(5, operative.map(LogOn::new)),
                Tuple.of(1, operative.map(LogOff::new)),
                Tuple.of(3, operative.map(Ready::new)),
                Tuple.of(2, Combinators.combine(operative, Arbitraries.of(true, false), Arbitraries.of(true, false))
                        .as(Pause::new)),
                Tuple.of(8, pick.map(Connect::new)),
                Tuple.of(2, Combinators.combine(pick, Arbitraries.of(true, false)).as(NotAnswered::new)),
                Tuple.of(7, pick.map(End::new)),
                Tuple.of(2, pick.map(VirtualHold::new)),
                Tuple.of(2, Combinators.combine(pick, Arbitraries.integers().between(0, 3)).as(BookSlot::new)),
                Tuple.of(2, Combinators.combine(pick, Arbitraries.integers().between(0, 3)).as(BookAfterCall::new)),
                Tuple.of(4, pick.map(Unreachable::new)),
                Tuple.of(2, Combinators.combine(Arbitraries.integers().between(0, 3), Arbitraries.integers().between(1, 4),
                        Arbitraries.integers().between(0, 40), Arbitraries.integers().between(20, 300))
                        .as(ScheduleCheckIns::new)),
                Tuple.of(3, Combinators.combine(pick, Arbitraries.of(ScreenResult.class)).as(Screen::new)),
                Tuple.of(2, Arbitraries.integers().between(0, 3).map(Shorten::new)),
                Tuple.of(1, Combinators.combine(pick, operative).as(TakeCall::new)),
                Tuple.of(1, Arbitraries.integers().between(0, 30).map(SetRota::new)),
                Tuple.of(10, seconds.map(Advance::new)),
                Tuple.of(1, Arbitraries.just(new Tick())),
                Tuple.of(1, seconds.map(Stall::new)),
                Tuple.of(3, Arbitraries.just(new Repeat())));
        return step.list().ofMinSize(30).ofMaxSize(100).withSizeDistribution(RandomDistribution.uniform());
    }

    @Provide
    Arbitrary<QueueConfig> configs() {
        Arbitrary<String> bool = Arbitraries.of("true", "false");
        List<Arbitrary<String>> values = List.of(
                Arbitraries.of("0", "1", "2"),
                Arbitraries.of("0", "1", "2"),
                Arbitraries.of("0s", "20s", "60s"),
                bool, bool, bool, bool, bool,
                Arbitraries.of("tiered", "tiered", "fifo"),
                Arbitraries.of("1", "2", "3"),
                Arbitraries.of("30s", "10m"),
                Arbitraries.of("30s", "120s"),
                Arbitraries.of("0s", "5s", "30s"),
                Arbitraries.of("none", "none", "20s", "0s"),
                Arbitraries.of("none", "90s", "0s"),
                Arbitraries.of("none", "5m"),
                bool);
        return Combinators.combine(values).as(v -> QueueHarness.settings(
                "dispatch.tier-one-reserve", v.get(0),
                "dispatch.consecutive-tier-one-cap", v.get(1),
                "dispatch.language-wait", v.get(2),
                "dispatch.recovery-time", v.get(3),
                "dispatch.prefer-clinical-for-tier-one", v.get(4),
                "dispatch.prefer-non-clinical-for-lower-tiers", v.get(5),
                "dispatch.balance-emotional-load", v.get(6),
                "dispatch.alert-lead-when-no-clinician", v.get(7),
                "ordering", v.get(8),
                "callbacks.max-attempts", v.get(9),
                "callbacks.retry-spacing", v.get(10),
                "dispatch.recovery-interrupt-minimum", v.get(11),
                "dispatch.reserve-release-margin", v.get(12),
                "dispatch.reserve-hold-limit.crisis", v.get(13),
                "dispatch.reserve-hold-limit.support", v.get(14),
                "dispatch.reserve-hold-limit.check-in", v.get(15),
                "dispatch.reserve-counts-recovering", v.get(16)));
    }

    // --- one day, with everything the checks remember -------------------------------------------

    private static final class Day {
        private final QueueConfig config;
        private final DispatchProtections protections;
        private final MutableClock clock = new MutableClock(QueueHarness.START);
        private final QueueCore core;

        /** Every call the core has ever told us about, with the state and tier its events say it is in. */
        private final Map<CallId, CallState> callStates = new HashMap<>();
        private final Map<CallId, Tier> callTiers = new HashMap<>();
        private final Map<CallId, Integer> endings = new HashMap<>();
        /** Who must never be closed without a lead: flagged callers, whatever their tier. */
        private final Map<CallId, Boolean> flagged = new HashMap<>();
        private final Map<OperativeId, OperativeState> operativeStates = new HashMap<>();
        private List<CallId> lineBefore = List.of();
        private int nextCall;
        /** The last command, ready to be repeated, and the events of the latest core call. */
        private Runnable lastCommand = () -> { };
        private String lastCommandName = "nothing";
        private List<QueueEvent> lastEvents = List.of();
        private Step current;

        Day(QueueConfig config) {
            this.config = config;
            this.protections = config.protections();
            this.core = new QueueCore(config, clock);
        }

        void play(List<Step> script) {
            boolean stalled = false;
            for (Step step : script) {
                current = step;
                if (step instanceof Stall stall) {
                    // The adapter missed its ticks: the next command must first catch up on the deadlines.
                    clock.advance(Duration.ofSeconds(stall.seconds()));
                    stalled = true;
                    continue;
                }
                if (stalled && step instanceof Repeat) {
                    continue;
                }
                List<QueueEvent> events = apply(step);
                checkEvents(events);
                checkState(events);
                stalled = false;
                settle();
            }
            drain();
        }

        /** What the adapter does after every command: tick while a deadline is already due. */
        private void settle() {
            Optional<Instant> next = core.nextDeadline();
            while (next.isPresent() && !next.get().isAfter(now())) {
                List<QueueEvent> fired = core.tick().events();
                checkEvents(fired);
                checkState(fired);
                next = core.nextDeadline();
            }
        }

        private Instant now() {
            return clock.instant();
        }

        // --- applying steps -------------------------------------------------------------------

        private List<QueueEvent> apply(Step step) {
            if (step instanceof Advance advance) {
                return advance(Duration.ofSeconds(advance.seconds()));
            }
            if (step instanceof Repeat) {
                List<QueueEvent> events = new ArrayList<>();
                lastCommand.run();
                events.addAll(lastEvents);
                assertThat(events).as("repeating %s changes nothing", lastCommandName).isEmpty();
                return events;
            }
            Runnable command = command(step);
            lastCommand = command;
            lastCommandName = step.toString();
            command.run();
            return new ArrayList<>(lastEvents);
        }

        private void run(Outcome outcome) {
            lastEvents = outcome.events();
        }

        /** The core call a step makes, with its arguments resolved now, so that a repeat is the very same call. */
        private Runnable command(Step step) {
            if (step instanceof Arrive a) {
                // Five people, so that some call again while a callback they asked for is pending.
                Call call = Call.live(CallId.of("c" + (++nextCall)), new CallerRef("p" + nextCall % 5),
                        a.tier() == Tier.SUPPORT ? Line.SUPPORT : Line.CRISIS, CallSource.SELF, a.tier(),
                        Language.of(a.language()), a.flagged(), now());
                return () -> {
                    boolean known = callStates.containsKey(call.id());
                    Outcome outcome = core.enqueue(call);
                    run(outcome);
                    if (!known) {
                        assertThat(outcome.isApplied()).isTrue();
                        // The call as given, or in the place kept for the same person on virtual hold.
                        assertThat(outcome.events()).anySatisfy(e -> assertThat(e)
                                .isInstanceOfSatisfying(QueueEvent.CallerQueued.class, queued -> {
                                    assertThat(queued.at()).isEqualTo(now());
                                    assertThat(queued.call()).isEqualTo(call.inPlaceOf(queued.call()));
                                }));
                    }
                };
            }
            if (step instanceof HangUp h) {
                CallId id = pick(h.pick(), c -> true);
                return () -> run(core.callEnded(id));
            }
            if (step instanceof Retier r) {
                CallId id = pick(r.pick(), c -> true);
                return () -> run(core.retier(id, r.to(), r.byLead() ? LEAD : SELF, "triage"));
            }
            if (step instanceof LogOn l) {
                return () -> run(core.logOn(operative(l.operative()), skillsOf(l.operative())));
            }
            if (step instanceof LogOff l) {
                return () -> run(core.logOff(operative(l.operative())));
            }
            if (step instanceof Ready r) {
                return () -> run(core.ready(operative(r.operative())));
            }
            if (step instanceof Pause p) {
                OperativeState block = p.supervision() ? OperativeState.SUPERVISION : OperativeState.BREAK;
                return () -> run(core.pause(operative(p.operative()), block, p.byLead() ? LEAD : SELF, "rota"));
            }
            if (step instanceof Connect c) {
                CallId id = pick(c.pick(), call -> call.state() == CallState.OFFERED);
                return () -> run(core.connected(id));
            }
            if (step instanceof NotAnswered n) {
                CallId id = pick(n.pick(), call -> call.state() == CallState.OFFERED);
                OperativeId ringing = core.call(id).flatMap(Call::operative).orElse(operative(0));
                // A report naming someone else (a stale or misrouted one) must change nothing.
                OperativeId named = n.naming() ? ringing : OperativeId.of(ringing.value() + "-earlier");
                return () -> run(core.offerNotAnswered(id, named));
            }
            if (step instanceof End e) {
                CallId id = pick(e.pick(), call -> call.state() == CallState.CONNECTED);
                return () -> run(core.callEnded(id));
            }
            if (step instanceof VirtualHold v) {
                CallId id = pick(v.pick(), call -> call.isWaiting() && call.kind() == CallKind.LIVE);
                return () -> run(core.acceptVirtualHold(id));
            }
            if (step instanceof BookSlot b) {
                CallId id = pick(b.pick(), call -> call.isWaiting() && call.kind() == CallKind.LIVE);
                List<CallbackSlot> slots = core.offerSlots();
                Instant start = slots.isEmpty() ? now() : slots.get(b.slot() % slots.size()).start();
                return () -> run(core.bookSlot(id, start));
            }
            if (step instanceof BookAfterCall b) {
                CallId id = pick(b.pick(), call -> call.state() == CallState.CONNECTED && call.tier() != Tier.CHECK_IN);
                List<CallbackSlot> slots = core.offerSlots();
                Instant start = slots.isEmpty() ? now() : slots.get(b.slot() % slots.size()).start();
                // "ghost" when no call is connected: a booking for a caller the queue never had.
                Call call = core.snapshot(Integer.MAX_VALUE).otherOpen().stream().filter(c -> c.id().equals(id))
                        .findFirst().orElse(Call.live(id, new CallerRef("ref-" + id), Line.CRISIS, CallSource.SELF,
                                Tier.SUPPORT, Language.ENGLISH, false, now()));
                return () -> run(core.bookCallbackAfterCall(new CallbackBooking(CallId.of(id.value() + "/callback"),
                        call.caller(), call.tier(), call.language(), call.flaggedHighRisk(), start)));
            }
            if (step instanceof Unreachable u) {
                CallId id = pick(u.pick(), call -> call.kind().isAgentFirst() && call.state() == CallState.OFFERED);
                return () -> run(core.callerUnreachable(id, "no answer"));
            }
            if (step instanceof ScheduleCheckIns s) {
                CheckInPlan plan = new CheckInPlan("series-" + s.series(), new CallerRef("person-" + s.series()),
                        s.series() == 3 ? Language.of("pl") : Language.ENGLISH, s.series() == 2,
                        now().plus(Duration.ofMinutes(s.firstDueMinutes())), Duration.ofMinutes(s.intervalMinutes()),
                        s.calls());
                return () -> run(core.scheduleCheckIns(plan));
            }
            if (step instanceof Screen s) {
                CallId id = pick(s.pick(), call -> call.kind() == CallKind.CHECK_IN && call.state() == CallState.CONNECTED);
                return () -> run(core.screenCheckIn(id, s.result()));
            }
            if (step instanceof Shorten s) {
                return () -> run(core.shortenCheckIns("series-" + s.series(), LEAD, "therapy starts"));
            }
            if (step instanceof TakeCall t) {
                CallId id = pick(t.pick(), Call::isWaiting);
                return () -> run(core.takeCall(id, operative(t.operative()), LEAD, "lead's call"));
            }
            if (step instanceof SetRota r) {
                Rota rota = r.operatives() == 0 ? Rota.empty()
                        : new Rota(List.of(new Rota.Block(now(), now().plus(Duration.ofHours(12)), r.operatives())));
                return () -> run(core.setRota(rota));
            }
            if (step instanceof Tick) {
                return () -> run(core.tick());
            }
            throw new IllegalArgumentException("unknown step " + step);
        }

        /** The adapter's way of letting time pass: a tick at each deadline on the way, none elsewhere. */
        private List<QueueEvent> advance(Duration duration) {
            Instant end = now().plus(duration);
            Optional<Instant> next = core.nextDeadline();
            while (next.isPresent() && !next.get().isAfter(end)) {
                if (next.get().isAfter(now())) {
                    clock.set(next.get());
                }
                List<QueueEvent> fired = core.tick().events();
                // Each tick is a step of its own for the checks: they see the time it ran at.
                checkEvents(fired);
                checkState(fired);
                next = core.nextDeadline();
            }
            clock.set(end);
            // Every deadline up to now has had its tick: one more tick now must find nothing to do.
            lastCommand = () -> lastEvents = core.tick().events();
            lastCommandName = "a tick after time passed";
            return List.of();
        }

        private CallId pick(int index, Predicate<Call> eligible) {
            List<CallId> candidates = core.snapshot(Integer.MAX_VALUE).waiting().stream()
                    .filter(eligible).map(Call::id).collect(Collectors.toCollection(ArrayList::new));
            core.snapshot(Integer.MAX_VALUE).otherOpen().stream().filter(eligible).map(Call::id)
                    .forEach(candidates::add);
            candidates.sort(Comparator.naturalOrder());
            return candidates.isEmpty() ? CallId.of("ghost") : candidates.get(index % candidates.size());
        }

        private static OperativeId operative(int index) {
            return OperativeId.of("op" + index);
        }

        /** Fixed per operative, so that log-ons never flip a skill: two clinicians, speakers of pl and cy, a lead. */
        private static Skills skillsOf(int index) {
            return switch (index) {
                case 0 -> new Skills(true, false, Set.of());
                case 1 -> new Skills(true, false, Set.of(Language.of("pl")));
                case 2 -> new Skills(false, false, Set.of(Language.of("pl")));
                case 3 -> new Skills(false, false, Set.of(Language.of("cy")));
                case 5 -> new Skills(true, true, Set.of());
                default -> Skills.trained();
            };
        }

        // --- the events, one by one, against what we know -------------------------------------

        private void checkEvents(List<QueueEvent> events) {
            Set<CallId> takenByLead = new HashSet<>();
            if (current instanceof TakeCall) {
                events.stream().filter(e -> e instanceof QueueEvent.OverrideRecorded o && o.action().equals("take-call"))
                        .map(e -> CallId.of(((QueueEvent.OverrideRecorded) e).target().split("->")[0]))
                        .forEach(takenByLead::add);
            }
            for (int i = 0; i < events.size(); i++) {
                QueueEvent event = events.get(i);
                assertThat(event.at()).as("%s is not in the future", event).isBeforeOrEqualTo(now());
                if (event instanceof QueueEvent.OperativeStateChanged changed) {
                    OperativeState known = operativeStates.getOrDefault(changed.operative(), OperativeState.OFFLINE);
                    assertThat(changed.from()).as("%s starts where the last event left %s", changed,
                            changed.operative()).isEqualTo(known);
                    assertThat(changed.to()).isNotEqualTo(changed.from());
                    if (changed.to() == OperativeState.RESERVED) {
                        assertThat(i + 1).as("a reservation is followed by its assignment").isLessThan(events.size());
                        assertThat(events.get(i + 1)).isInstanceOf(QueueEvent.OperativeAssigned.class);
                        checkAssignment(changed, (QueueEvent.OperativeAssigned) events.get(i + 1),
                                i + 2 < events.size() ? events.get(i + 2) : null, events, takenByLead);
                    }
                    operativeStates.put(changed.operative(), changed.to());
                } else if (event instanceof QueueEvent.CallerQueued queued) {
                    assertThat(callStates).as("%s queued once", queued.call().id()).doesNotContainKey(queued.call().id());
                    callStates.put(queued.call().id(), CallState.WAITING);
                    callTiers.put(queued.call().id(), queued.call().tier());
                    flagged.put(queued.call().id(), queued.call().flaggedHighRisk());
                } else if (event instanceof QueueEvent.CheckInScheduled scheduled) {
                    assertThat(callStates).doesNotContainKey(scheduled.call());
                    callStates.put(scheduled.call(), CallState.SCHEDULED);
                    callTiers.put(scheduled.call(), Tier.CHECK_IN);
                    flagged.put(scheduled.call(), core.call(scheduled.call()).map(Call::flaggedHighRisk).orElse(false));
                } else if (event instanceof QueueEvent.CallbackBookedAfterCall booked) {
                    assertThat(callStates).doesNotContainKey(booked.call().id());
                    assertThat(booked.call().tier()).as("tier 1 is never called back").isIn(Tier.CRISIS, Tier.SUPPORT);
                    callStates.put(booked.call().id(), CallState.SCHEDULED);
                    callTiers.put(booked.call().id(), booked.call().tier());
                    flagged.put(booked.call().id(), booked.call().flaggedHighRisk());
                } else if (event instanceof QueueEvent.OperativeAssigned assigned) {
                    moveCall(assigned.call(), CallState.WAITING, CallState.OFFERED);
                    assertThat(assigned.tier()).isEqualTo(callTiers.get(assigned.call()));
                } else if (event instanceof QueueEvent.CallConnected connected) {
                    moveCall(connected.call(), CallState.OFFERED, CallState.CONNECTED);
                } else if (event instanceof QueueEvent.OfferNotAnswered missed) {
                    moveCall(missed.call(), CallState.OFFERED, CallState.WAITING);
                } else if (event instanceof QueueEvent.CallbackBooked booked) {
                    assertThat(callTiers.get(booked.call())).as("tier 1 is never offered a callback")
                            .isNotEqualTo(Tier.IMMEDIATE_RISK);
                    moveCall(booked.call(), CallState.WAITING, CallState.SCHEDULED);
                } else if (event instanceof QueueEvent.CallbackDue due) {
                    moveCall(due.call(), CallState.SCHEDULED, CallState.WAITING);
                } else if (event instanceof QueueEvent.VirtualHoldAccepted held) {
                    assertThat(callTiers.get(held.call())).as("tier 1 is never offered a callback")
                            .isNotEqualTo(Tier.IMMEDIATE_RISK);
                    moveCall(held.call(), CallState.WAITING, CallState.WAITING);
                } else if (event instanceof QueueEvent.CallbackAttemptFailed failed) {
                    assertThat(callStates.get(failed.call())).isEqualTo(CallState.OFFERED);
                    QueueEvent next = i + 1 < events.size() ? events.get(i + 1) : null;
                    assertThat(next).as("a failed attempt is retried or ends the call")
                            .isInstanceOfAny(QueueEvent.CallbackRetryScheduled.class, QueueEvent.CallbackEscalated.class,
                                    QueueEvent.CallbackClosedUnreachable.class);
                } else if (event instanceof QueueEvent.CallbackRetryScheduled retry) {
                    moveCall(retry.call(), CallState.OFFERED, CallState.SCHEDULED);
                } else if (event instanceof QueueEvent.CallerRetiered retiered) {
                    assertThat(callTiers.get(retiered.call())).isEqualTo(retiered.from());
                    callTiers.put(retiered.call(), retiered.to());
                } else if (event instanceof QueueEvent.CheckInScreened screened) {
                    assertThat(callStates.get(screened.call())).isEqualTo(CallState.CONNECTED);
                    if (screened.result() == ScreenResult.DETERIORATED) {
                        callTiers.put(screened.call(), Tier.CRISIS);
                    } else if (screened.result() == ScreenResult.URGENT) {
                        callTiers.put(screened.call(), Tier.IMMEDIATE_RISK);
                    }
                }
                Optional<CallId> ended = QueueHarness.terminalCall(event);
                if (ended.isPresent()) {
                    CallId id = ended.get();
                    CallState before = callStates.get(id);
                    assertThat(before).as("%s ends a call we know", event).isNotNull();
                    if (event instanceof QueueEvent.CallerAbandoned) {
                        assertThat(before).isIn(CallState.WAITING, CallState.OFFERED);
                    } else if (event instanceof QueueEvent.CallCompleted) {
                        assertThat(before).isEqualTo(CallState.CONNECTED);
                    } else if (event instanceof QueueEvent.CallbackSuperseded superseded) {
                        assertThat(before).as("only a callback not being dialled is closed")
                                .isIn(CallState.WAITING, CallState.SCHEDULED);
                        assertThat(callStates.get(superseded.liveCall()))
                                .as("the caller is on a live call that took the kept place or was answered")
                                .isIn(CallState.WAITING, CallState.CONNECTED);
                    } else {
                        assertThat(before).isEqualTo(CallState.OFFERED);
                        boolean mustEscalate = callTiers.get(id) != Tier.SUPPORT || flagged.get(id);
                        assertThat(event instanceof QueueEvent.CallbackEscalated)
                                .as("an unreachable tier-1/2, flagged or check-in caller goes to a lead; tier 3 is closed")
                                .isEqualTo(mustEscalate);
                        assertThat(mustEscalate).isEqualTo(alertsFor(events, AlertReason.CALLBACK_UNREACHABLE, id));
                    }
                    endings.merge(id, 1, Integer::sum);
                    assertThat(endings.get(id)).as("%s ends once", id).isEqualTo(1);
                    callStates.put(id, CallState.ENDED);
                }
            }
        }

        private void moveCall(CallId id, CallState from, CallState to) {
            assertThat(callStates.get(id)).as("%s was %s before moving to %s", id, from, to).isEqualTo(from);
            callStates.put(id, to);
        }

        /** Who may be given which call: the rules an assignment must obey. */
        private void checkAssignment(QueueEvent.OperativeStateChanged reserved, QueueEvent.OperativeAssigned assigned,
                                     QueueEvent after, List<QueueEvent> events, Set<CallId> takenByLead) {
            assertThat(assigned.operative()).isEqualTo(reserved.operative());
            Duration waited = assigned.waited();
            if (takenByLead.contains(assigned.call())) {
                assertThat(reserved.from()).as("a lead's take-call").isIn(OperativeState.AVAILABLE,
                        OperativeState.RECOVERY, OperativeState.NOT_READY, OperativeState.SUPERVISION);
                return;
            }
            long freeBefore = operativeStates.values().stream().filter(s -> s == OperativeState.AVAILABLE).count();
            boolean tierOne = assigned.tier() == Tier.IMMEDIATE_RISK;
            Operative op = core.operative(assigned.operative()).orElseThrow();
            if (reserved.from() != OperativeState.AVAILABLE) {
                assertThat(reserved.from()).as("only an operative in recovery may be given a call when not free: %s",
                        assigned).isEqualTo(OperativeState.RECOVERY);
                assertThat(tierOne).as("only tier 1 interrupts a recovery").isTrue();
                assertThat(assigned.interruptedRecovery()).isTrue();
                assertThat(protections.recoveryTime()).isTrue();
                assertThat(waited).as("about to miss the target").isGreaterThanOrEqualTo(protections.recoveryInterruptFromWait());
                assertThat(after).isInstanceOfSatisfying(QueueEvent.RecoveryInterrupted.class, r -> {
                    assertThat(r.recoveredFor()).isGreaterThanOrEqualTo(protections.recoveryInterruptMinimum());
                    assertThat(r.interruptionsSoFar()).isEqualTo(op.recoveryInterruptions());
                });
            } else {
                assertThat(assigned.interruptedRecovery()).isFalse();
            }
            // The run of tier-1 calls changes only when a call connects, at a break or at log-on, none of which
            // can happen to a reserved operative: the core's value now is the value the policy saw.
            int streak = op.consecutiveTierOne();
            if (tierOne) {
                if (protections.consecutiveTierOneCap() > 0 && streak >= protections.consecutiveTierOneCap()) {
                    assertThat(waited).as("the cap yields only for a caller about to miss")
                            .isGreaterThanOrEqualTo(protections.recoveryInterruptFromWait());
                    assertThat(alertsFor(events, AlertReason.TIER_ONE_CAP_EXCEEDED, assigned.call())).isTrue();
                }
                if (!op.isClinical() && protections.alertLeadWhenNoClinician()) {
                    assertThat(alertsFor(events, AlertReason.TIER_ONE_ANSWERED_BY_NON_CLINICIAN, assigned.call()))
                            .as("the lead is alerted when tier 1 goes to a non-clinician").isTrue();
                }
                return;
            }
            List<Operative> recoveringBefore = operativeStates.entrySet().stream()
                    .filter(e -> e.getValue() == OperativeState.RECOVERY)
                    .map(e -> core.operative(e.getKey()).orElseThrow()).toList();
            assertThat(pastReserve(assigned.tier(), waited, freeBefore, recoveringBefore, assigned.at()))
                    .as("the reserve holds the last free operative from %s until its release", assigned).isTrue();
            Call call = core.call(assigned.call()).orElseThrow();
            if (assigned.interpreter()) {
                assertThat(call.language().isEnglish()).isFalse();
                assertThat(waited).as("an interpreter only after the language wait")
                        .isGreaterThanOrEqualTo(protections.languageWait());
            }
        }

        private static boolean alertsFor(List<QueueEvent> events, AlertReason reason, CallId call) {
            return events.stream().anyMatch(e -> e instanceof QueueEvent.ClinicalLeadAlerted a && a.reason() == reason
                    && a.call().equals(Optional.of(call)));
        }

        // --- the state after the step -----------------------------------------------------------

        private void checkState(List<QueueEvent> stepEvents) {
            Instant now = now();
            QueueSnapshot snapshot = core.snapshot(Integer.MAX_VALUE);

            // No call lost, none duplicated, and each in the state its events say.
            for (Map.Entry<CallId, CallState> known : callStates.entrySet()) {
                CallId id = known.getKey();
                Optional<Call> open = core.call(id);
                if (known.getValue() == CallState.ENDED) {
                    assertThat(open).as("%s ended and stays ended", id).isEmpty();
                    assertThat(endings.get(id)).isEqualTo(1);
                } else {
                    assertThat(open).as("%s is open (no terminal event yet)", id).isPresent();
                    assertThat(open.get().state()).as("state of %s", id).isEqualTo(known.getValue());
                    assertThat(open.get().tier()).as("tier of %s", id).isEqualTo(callTiers.get(id));
                    assertThat(open.get().attempts()).isBetween(0, config.callbacks().maxAttempts());
                    assertThat(endings).doesNotContainKey(id);
                }
            }
            List<CallId> openIds = new ArrayList<>();
            snapshot.waiting().forEach(c -> openIds.add(c.id()));
            snapshot.otherOpen().forEach(c -> openIds.add(c.id()));
            assertThat(openIds).as("no call twice").doesNotHaveDuplicates();
            assertThat(openIds).allSatisfy(id -> assertThat(callStates.get(id)).as("%s known and open", id)
                    .isNotNull().isNotEqualTo(CallState.ENDED));
            assertThat((long) openIds.size()).isEqualTo(
                    callStates.values().stream().filter(s -> s != CallState.ENDED).count());

            // The waiting line: exactly the waiting calls, tier 1 first, in place-key order, stable.
            List<CallId> line = core.waitingInOrder();
            assertThat(line).doesNotHaveDuplicates();
            assertThat(line).containsExactlyElementsOf(snapshot.waiting().stream().map(Call::id).toList());
            assertThat(new HashSet<>(line)).isEqualTo(callStates.entrySet().stream()
                    .filter(e -> e.getValue() == CallState.WAITING).map(Map.Entry::getKey).collect(Collectors.toSet()));
            assertThat(core.waitingCount()).isEqualTo(line.size());
            List<Call> waiting = snapshot.waiting();
            if (config.ordering() == QueueConfig.Ordering.TIERED) {
                int lastTierOne = -1;
                int firstOther = waiting.size();
                for (int i = 0; i < waiting.size(); i++) {
                    if (waiting.get(i).tier() == Tier.IMMEDIATE_RISK) {
                        lastTierOne = i;
                    } else {
                        firstOther = Math.min(firstOther, i);
                    }
                }
                assertThat(lastTierOne).as("every waiting tier-1 caller is ahead of every lower tier")
                        .isLessThan(firstOther);
            }
            List<Call> modelOrder = new ArrayList<>(waiting);
            modelOrder.sort(Comparator.<Call>comparingInt(c -> c.tier() == Tier.IMMEDIATE_RISK
                            && config.ordering() == QueueConfig.Ordering.TIERED ? 0 : 1)
                    .thenComparingLong(this::placeKey).thenComparing(Call::id));
            assertThat(waiting).as("served by tier, then join time plus aging handicap").containsExactlyElementsOf(modelOrder);
            checkStability(line, stepEvents);
            Map<Tier, Long> byTier = waiting.stream().collect(Collectors.groupingBy(Call::tier, Collectors.counting()));
            for (Tier tier : Tier.values()) {
                assertThat(snapshot.waitingByTier().get(tier).longValue()).isEqualTo(byTier.getOrDefault(tier, 0L));
            }

            // Calls and operatives point at each other, one to one.
            Map<OperativeId, CallId> holders = new HashMap<>();
            for (Call call : snapshot.otherOpen()) {
                if (call.state() == CallState.OFFERED || call.state() == CallState.CONNECTED) {
                    OperativeId op = call.operative().orElseThrow(() -> new AssertionError(call.id() + " has no operative"));
                    assertThat(holders.put(op, call.id())).as("%s holds two calls", op).isNull();
                    Operative operative = core.operative(op).orElseThrow();
                    assertThat(operative.state()).isEqualTo(call.state() == CallState.OFFERED
                            ? OperativeState.RESERVED : OperativeState.ON_CALL);
                    assertThat(operative.currentCall()).contains(call.id());
                } else {
                    assertThat(call.operative()).as("%s (%s) has no operative", call.id(), call.state()).isEmpty();
                }
            }
            for (Call call : waiting) {
                assertThat(call.operative()).isEmpty();
            }
            List<Operative> operatives = snapshot.operatives().stream().map(QueueSnapshot.OperativeLoad::operative).toList();
            for (Operative op : operatives) {
                assertThat(op.state()).as("state of %s", op.id()).isEqualTo(operativeStates.get(op.id()));
                boolean busy = op.state() == OperativeState.RESERVED || op.state() == OperativeState.ON_CALL;
                assertThat(op.currentCall().isPresent()).as("%s has a call exactly when busy", op.id()).isEqualTo(busy);
                if (busy) {
                    assertThat(holders.get(op.id())).isEqualTo(op.currentCall().get());
                }
            }
            assertThat(operativeStates.keySet()).containsExactlyInAnyOrderElementsOf(
                    operatives.stream().map(Operative::id).toList());

            checkNobodyServableWaits(waiting, operatives, now);
            lineBefore = line;
        }

        private long placeKey(Call call) {
            boolean noHandicap = config.ordering() == QueueConfig.Ordering.FIFO || call.tier() == Tier.IMMEDIATE_RISK;
            return call.joinedAt().toEpochMilli() + (noHandicap ? 0 : config.rule(call.tier()).agingHandicap().toMillis());
        }

        /** Two callers waiting before and after a step keep their order unless one was moved on purpose. */
        private void checkStability(List<CallId> line, List<QueueEvent> stepEvents) {
            Set<CallId> moved = new HashSet<>();
            for (QueueEvent e : stepEvents) {
                if (e instanceof QueueEvent.CallerRetiered r) {
                    moved.add(r.call());
                } else if (e instanceof QueueEvent.CallbackBooked b) {
                    moved.add(b.call());
                } else if (e instanceof QueueEvent.CallbackDue d) {
                    moved.add(d.call());
                }
            }
            Set<CallId> both = new LinkedHashSet<>(lineBefore);
            both.retainAll(new HashSet<>(line));
            both.removeAll(moved);
            List<CallId> before = lineBefore.stream().filter(both::contains).toList();
            List<CallId> after = line.stream().filter(both::contains).toList();
            assertThat(after).as("the relative order of waiting callers is stable").containsExactlyElementsOf(before);
        }

        /**
         * The dispatcher leaves nobody waiting whom it could serve now: with an operative free, a tier-1
         * caller is answered unless every free operative is capped and the caller is not yet about to
         * miss; a lower-tier caller is answered once past the reserve (see {@link #pastReserve}) and the
         * language wait. So no caller is starved while operatives are free.
         */
        private void checkNobodyServableWaits(List<Call> waiting, List<Operative> operatives, Instant now) {
            List<Operative> free = operatives.stream().filter(Operative::isAvailable).toList();
            int cap = protections.consecutiveTierOneCap();
            Predicate<Operative> underCap = op -> cap == 0 || op.consecutiveTierOne() < cap;
            List<Operative> interruptible = operatives.stream()
                    .filter(op -> op.state() == OperativeState.RECOVERY && protections.recoveryTime())
                    .filter(op -> Duration.between(op.recoveryStarted(), now)
                            .compareTo(protections.recoveryInterruptMinimum()) >= 0)
                    .filter(underCap).toList();
            List<Operative> recovering = operatives.stream().filter(op -> op.state() == OperativeState.RECOVERY).toList();
            for (Call call : waiting) {
                Duration waited = call.waitedAt(now);
                if (call.tier() == Tier.IMMEDIATE_RISK) {
                    boolean aboutToMiss = waited.compareTo(protections.recoveryInterruptFromWait()) >= 0;
                    assertThat(free.stream().anyMatch(underCap)).as("tier-1 %s waits while someone under the cap is free",
                            call.id()).isFalse();
                    assertThat(aboutToMiss && !free.isEmpty()).as("tier-1 %s about to miss waits while someone is free",
                            call.id()).isFalse();
                    assertThat(aboutToMiss && !interruptible.isEmpty())
                            .as("tier-1 %s about to miss waits while a recovery may be interrupted", call.id()).isFalse();
                    continue;
                }
                if (free.isEmpty()) {
                    continue;
                }
                boolean pastReserve = pastReserve(call.tier(), waited, free.size(), recovering, now);
                boolean languageMet = call.language().isEnglish()
                        || waited.compareTo(protections.languageWait()) >= 0
                        || free.stream().anyMatch(op -> op.skills().speaks(call.language()));
                assertThat(pastReserve && languageMet)
                        .as("%s (tier %s, %s, waited %s) is servable by %s yet waits", call.id(), call.tier().number(),
                                call.language(), waited, free.stream().map(Operative::id).toList())
                        .isFalse();
            }
        }

        /**
         * The reserve's rule, restated: a lower-tier caller may have one of the last {@code tierOneReserve}
         * free operatives once held for their tier's release (the answer target less the margin, or the
         * tier's limit if sooner: never past the target, so never starved), or while enough others could
         * answer a tier-1 caller - more free, or (when counted) in a recovery that is over or interruptible
         * by the time a tier-1 caller arriving now would be about to miss.
         */
        private boolean pastReserve(Tier tier, Duration waited, long free, List<Operative> recovering, Instant at) {
            Duration release = config.reserveHold(tier);
            assertThat(release).as("the reserve never holds tier %s past its target", tier.number())
                    .isLessThanOrEqualTo(config.rule(tier).answerTarget());
            int reserve = protections.tierOneReserve();
            if (reserve == 0 || free > reserve || waited.compareTo(release) >= 0) {
                return true;
            }
            if (!protections.reserveCountsRecovering()) {
                return false;
            }
            Instant aboutToMiss = at.plus(protections.recoveryInterruptFromWait());
            int cap = protections.consecutiveTierOneCap();
            long reachable = recovering.stream().filter(op -> !op.recoveryUntil().isAfter(aboutToMiss)
                    || protections.recoveryTime() && (cap == 0 || op.consecutiveTierOne() < cap)
                    && !op.recoveryStarted().plus(protections.recoveryInterruptMinimum()).isAfter(aboutToMiss))
                    .count();
            return free + reachable > reserve;
        }

        // --- the end of the day -----------------------------------------------------------------

        /** Fresh operatives who speak every language work the line down: everyone waiting is served in the end. */
        private void drain() {
            current = new Tick();
            Set<CallId> stillWaiting = new HashSet<>(core.waitingInOrder());
            for (int i = 0; i < 3; i++) {
                lastEvents = core.logOn(OperativeId.of("drain-" + i), new Skills(true, false,
                        Set.of(Language.of("pl"), Language.of("cy"), Language.of("ar")))).events();
                checkEvents(lastEvents);
                checkState(lastEvents);
            }
            for (int round = 0; round < 60 && !stillWaiting.isEmpty(); round++) {
                for (Call call : core.snapshot(Integer.MAX_VALUE).otherOpen()) {
                    if (call.state() == CallState.OFFERED) {
                        lastEvents = core.connected(call.id()).events();
                        checkEvents(lastEvents);
                        checkState(lastEvents);
                    }
                }
                advance(Duration.ofMinutes(3));
                for (Call call : core.snapshot(Integer.MAX_VALUE).otherOpen()) {
                    if (call.state() == CallState.CONNECTED && call.kind() == CallKind.CHECK_IN) {
                        ScreenResult result = ScreenResult.values()[round % ScreenResult.values().length];
                        lastEvents = core.screenCheckIn(call.id(), result).events();
                        checkEvents(lastEvents);
                        checkState(lastEvents);
                        assertThat(core.screenCheckIn(call.id(), result).events()).as("a repeated screen").isEmpty();
                    }
                    if (call.state() == CallState.CONNECTED) {
                        lastEvents = core.callEnded(call.id()).events();
                        checkEvents(lastEvents);
                        checkState(lastEvents);
                    }
                }
                advance(Duration.ofMinutes(3));
                stillWaiting.removeIf(id -> callStates.get(id) != CallState.WAITING);
            }
            assertThat(stillWaiting).as("everyone waiting at the end of the day is served in the end").isEmpty();
        }
    }
}
