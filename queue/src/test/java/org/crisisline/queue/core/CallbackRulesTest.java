package org.crisisline.queue.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.crisisline.queue.model.Tier.CRISIS;
import static org.crisisline.queue.model.Tier.SUPPORT;
import static org.crisisline.queue.testing.CallerBuilder.aCaller;
import static org.crisisline.queue.testing.OperativeBuilder.anOperative;
import static org.crisisline.queue.testing.QueueHarness.START;
import static org.crisisline.queue.testing.QueueHarness.only;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.crisisline.queue.callback.CallbackSlot;
import org.crisisline.queue.callback.Rota;
import org.crisisline.queue.event.Outcome;
import org.crisisline.queue.event.QueueEvent;
import org.crisisline.queue.event.QueueEvent.AlertReason;
import org.crisisline.queue.event.QueueEvent.CallbackAttemptFailed;
import org.crisisline.queue.event.QueueEvent.CallbackBooked;
import org.crisisline.queue.event.QueueEvent.CallbackBookedAfterCall;
import org.crisisline.queue.event.QueueEvent.CallbackClosedUnreachable;
import org.crisisline.queue.event.QueueEvent.CallbackDue;
import org.crisisline.queue.event.QueueEvent.CallbackEscalated;
import org.crisisline.queue.event.QueueEvent.CallbackRetryScheduled;
import org.crisisline.queue.event.QueueEvent.ClinicalLeadAlerted;
import org.crisisline.queue.event.QueueEvent.OperativeAssigned;
import org.crisisline.queue.model.Call;
import org.crisisline.queue.model.Actor;
import org.crisisline.queue.model.CallId;
import org.crisisline.queue.model.CallKind;
import org.crisisline.queue.model.CallState;
import org.crisisline.queue.model.OperativeState;
import org.crisisline.queue.model.Tier;
import org.crisisline.queue.testing.CallerBuilder;
import org.crisisline.queue.testing.QueueHarness;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** DOMAIN.md, "Callbacks and check-in calls": virtual hold, slots, agent-first attempts, retries, the unreachable. */
@DisplayName("Callbacks")
class CallbackRulesTest {
    private final QueueHarness queue = QueueHarness.withDefaults();
    private final List<QueueEvent> history = new ArrayList<>();

    private List<QueueEvent> record(List<QueueEvent> events) {
        history.addAll(events);
        return events;
    }

    private Outcome record(Outcome outcome) {
        history.addAll(outcome.events());
        return outcome;
    }

    private static List<ClinicalLeadAlerted> alerts(AlertReason reason, List<QueueEvent> events) {
        return only(ClinicalLeadAlerted.class, events).stream().filter(a -> a.reason() == reason).toList();
    }

    /** A caller who went on virtual hold and is being called back agent-first by op1. */
    private void callerOnVirtualHoldBeingCalledBack(CallerBuilder caller) {
        record(queue.enqueue(caller));
        record(queue.virtualHold(caller.id()));
        record(queue.end(caller.id()));
        record(queue.logOn(anOperative("op1")));
        record(queue.logOn(anOperative("op2")));
        assertThat(queue.stateOf(caller.id())).isEqualTo(CallState.OFFERED);
    }

    /** Every attempt fails: the caller never answers. */
    private void unreachableOnEveryAttempt(String call) {
        for (int attempt = 1; attempt <= 3; attempt++) {
            assertThat(queue.stateOf(call)).as("attempt " + attempt).isEqualTo(CallState.OFFERED);
            record(queue.unreachable(call));
            if (attempt < 3) {
                record(queue.runFor(Duration.ofMinutes(10)));
            }
        }
    }

    private long terminalEventsFor(String call) {
        return history.stream().map(QueueHarness::terminalCall)
                .filter(c -> c.isPresent() && c.get().value().equals(call)).count();
    }

    @Nested
    @DisplayName("Virtual hold")
    class VirtualHold {
        @Test
        @DisplayName("a caller on virtual hold hangs up and keeps the join time; hanging up is not abandoning")
        void virtualHoldKeepsTheJoinTime() {
            queue.enqueue(aCaller("s1").inTier(SUPPORT));
            queue.advance(Duration.ofMinutes(3));

            queue.virtualHold("s1");
            Outcome hungUp = queue.end("s1");

            assertThat(hungUp.events()).isEmpty();
            assertThat(queue.call("s1").joinedAt()).isEqualTo(START);
            assertThat(queue.call("s1").kind()).isEqualTo(CallKind.VIRTUAL_HOLD);
            assertThat(queue.stateOf("s1")).isEqualTo(CallState.WAITING);
        }

        @Test
        @DisplayName("when the place comes, an operative is reserved and called first, then the caller (agent-first)")
        void agentFirstReservesTheOperative() {
            queue.enqueue(aCaller("s1").inTier(SUPPORT));
            queue.virtualHold("s1");
            queue.end("s1");
            queue.logOn(anOperative("op1"));

            Outcome outcome = queue.logOn(anOperative("op2"));

            assertThat(only(OperativeAssigned.class, outcome)).singleElement().satisfies(a -> {
                assertThat(a.call().value()).isEqualTo("s1");
                assertThat(a.kind()).isEqualTo(CallKind.VIRTUAL_HOLD);
                assertThat(a.operative().value()).isEqualTo("op1");
            });
            assertThat(queue.operative("op1").state()).isEqualTo(OperativeState.RESERVED);
            assertThat(queue.operative("op1").currentCall()).hasValueSatisfying(c -> assertThat(c.value()).isEqualTo("s1"));
            assertThat(queue.call("s1").attempts()).isEqualTo(1);

            Outcome answered = queue.connect("s1");

            assertThat(only(QueueEvent.CallConnected.class, answered)).hasSize(1);
            assertThat(queue.operative("op1").state()).isEqualTo(OperativeState.ON_CALL);
        }

        @Test
        @DisplayName("a virtual hold not tried by its on-time deadline alerts the clinical lead")
        void overdueVirtualHoldAlertsTheLead() {
            queue.enqueue(aCaller("s1").inTier(SUPPORT));
            queue.virtualHold("s1");
            Instant onTimeBy = queue.call("s1").dueBy().orElseThrow();

            assertThat(alerts(AlertReason.CALLBACK_OVERDUE, queue.runUntil(onTimeBy.minusSeconds(1)))).isEmpty();
            List<QueueEvent> events = queue.runFor(1);

            assertThat(alerts(AlertReason.CALLBACK_OVERDUE, events)).singleElement()
                    .satisfies(a -> assertThat(a.call()).hasValueSatisfying(c -> assertThat(c.value()).isEqualTo("s1")));
        }

        @Test
        @DisplayName("a virtual hold tried in time raises no overdue alert")
        void virtualHoldTriedInTimeIsNotOverdue() {
            queue.enqueue(aCaller("s1").inTier(SUPPORT));
            queue.virtualHold("s1");
            Instant onTimeBy = queue.call("s1").dueBy().orElseThrow();
            queue.logOn(anOperative("op1"));
            queue.logOn(anOperative("op2"));
            queue.connect("s1");

            assertThat(alerts(AlertReason.CALLBACK_OVERDUE, queue.runUntil(onTimeBy.plusSeconds(1)))).isEmpty();
        }
    }

    @Nested
    @DisplayName("Slots")
    class Slots {
        /** Caller c1, in {@code tier}, talking to op1, with {@code rota} operatives on the rota. */
        private void c1OnTheLineWithOp1(int rota, Tier tier) {
            queue.core().setRota(rotaOf(rota));
            queue.logOn(anOperative("op1"));
            queue.enqueue(aCaller("c1").inTier(tier));
            queue.connect("c1");
        }

        private Rota rotaOf(int operatives) {
            return new Rota(List.of(new Rota.Block(START, START.plus(Duration.ofDays(1)), operatives)));
        }

        @Test
        @DisplayName("the next three 15-minute windows are offered, the first at least 15 min ahead")
        void nextWindowsAreOffered() {
            queue.core().setRota(rotaOf(8));
            queue.advance(Duration.ofMinutes(2));

            List<CallbackSlot> slots = queue.core().offerSlots();

            assertThat(slots).extracting(CallbackSlot::start).containsExactly(
                    START.plus(Duration.ofMinutes(30)), START.plus(Duration.ofMinutes(45)),
                    START.plus(Duration.ofMinutes(60)));
            assertThat(slots).allSatisfy(s -> assertThat(s.end()).isEqualTo(s.start().plus(Duration.ofMinutes(15))));
        }

        @Test
        @DisplayName("a slot's capacity is the rota's operatives x slot / handle time, minus the 70 % kept for live calls")
        void capacityComesFromTheRotaMinusTheLiveReserve() {
            queue.core().setRota(rotaOf(20));
            // 20 x 15/20 = 15 callbacks' worth of time; 30 % of it for callbacks: 4.5, so 4.
            assertThat(queue.core().offerSlots()).allSatisfy(s -> assertThat(s.capacity()).isEqualTo(4));

            QueueHarness noReserve = QueueHarness.withSettings("callbacks.live-reserve-share", "0");
            noReserve.core().setRota(rotaOf(20));
            assertThat(noReserve.core().offerSlots()).allSatisfy(s -> assertThat(s.capacity()).isEqualTo(15));
        }

        @Test
        @DisplayName("a slot with no room is neither offered nor bookable")
        void fullSlotIsRejected() {
            queue.core().setRota(rotaOf(8));
            queue.enqueue(aCaller("s1").inTier(SUPPORT));
            queue.enqueue(aCaller("s2").inTier(SUPPORT));
            CallbackSlot first = queue.core().offerSlots().get(0);
            assertThat(first.capacity()).isEqualTo(1);

            Outcome booked = queue.bookSlot("s1", first.start());
            Outcome full = queue.bookSlot("s2", first.start());

            assertThat(only(CallbackBooked.class, booked)).singleElement().satisfies(b -> {
                assertThat(b.slotStart()).isEqualTo(first.start());
                assertThat(b.slotEnd()).isEqualTo(first.end());
            });
            assertThat(full).isInstanceOfSatisfying(Outcome.Rejected.class,
                    r -> assertThat(r.reason()).isEqualTo(Outcome.Rejection.SLOT_FULL));
            assertThat(queue.stateOf("s2")).isEqualTo(CallState.WAITING);
            assertThat(queue.core().offerSlots()).extracting(CallbackSlot::start).doesNotContain(first.start());
        }

        @Test
        @DisplayName("a slot the rota has nobody for, or one off the grid, is refused")
        void slotsWithoutStaffOrOffTheGridAreRefused() {
            queue.core().setRota(new Rota(List.of(new Rota.Block(START.plus(Duration.ofHours(1)),
                    START.plus(Duration.ofHours(2)), 8))));
            queue.enqueue(aCaller("s1").inTier(SUPPORT));

            assertThat(queue.core().offerSlots()).extracting(CallbackSlot::start)
                    .allSatisfy(start -> assertThat(start).isAfterOrEqualTo(START.plus(Duration.ofHours(1))));
            assertThat(queue.bookSlot("s1", START.plus(Duration.ofMinutes(30))).isApplied()).isFalse();
            assertThat(queue.bookSlot("s1", START.plus(Duration.ofMinutes(67))).isApplied()).isFalse();
            assertThat(queue.stateOf("s1")).isEqualTo(CallState.WAITING);
        }

        @Test
        @DisplayName("a booked caller leaves the line and comes back, agent-first, when the slot opens")
        void bookedCallerIsCalledWhenTheSlotOpens() {
            queue.core().setRota(rotaOf(8));
            queue.enqueue(aCaller("s1").inTier(SUPPORT));
            queue.enqueue(aCaller("s2").inTier(SUPPORT));
            CallbackSlot slot = queue.core().offerSlots().get(0);
            queue.bookSlot("s1", slot.start());
            queue.end("s1");
            assertThat(queue.stateOf("s1")).isEqualTo(CallState.SCHEDULED);
            assertThat(queue.waitingInOrder()).containsExactly("s2");
            queue.logOn(anOperative("op1"));
            queue.logOn(anOperative("op2"));
            queue.logOn(anOperative("op3"));

            List<QueueEvent> events = queue.runUntil(slot.start());

            assertThat(only(CallbackDue.class, events)).singleElement().satisfies(d -> {
                assertThat(d.kind()).isEqualTo(CallKind.SLOT_CALLBACK);
                assertThat(d.attempt()).isEqualTo(1);
                assertThat(d.at()).isEqualTo(slot.start());
            });
            assertThat(only(OperativeAssigned.class, events)).singleElement()
                    .satisfies(a -> assertThat(a.kind()).isEqualTo(CallKind.SLOT_CALLBACK));
        }

        @Test
        @DisplayName("an operative books a slot for the caller on the call: after it ends, the callback comes agent-first in the slot")
        void operativeBooksASlotForTheCallerAfterTheirCall() {
            c1OnTheLineWithOp1(8, CRISIS);
            CallbackSlot slot = queue.core().offerSlots().get(0);
            Call onTheCall = queue.call("c1");

            Outcome booked = queue.bookAfterCall("c1/callback", "c1", slot.start());
            queue.end("c1");
            queue.logOn(anOperative("op2"));
            queue.logOn(anOperative("op3"));

            assertThat(only(CallbackBookedAfterCall.class, booked)).singleElement().satisfies(b -> {
                assertThat(b.call().id().value()).isEqualTo("c1/callback");
                assertThat(b.call().joinedAt()).isEqualTo(slot.start());
                assertThat(b.call().dueBy()).contains(slot.end());
            });
            assertThat(queue.isOpen("c1")).isFalse();
            assertThat(queue.call("c1/callback")).satisfies(c -> {
                assertThat(c.kind()).isEqualTo(CallKind.SLOT_CALLBACK);
                assertThat(c.state()).isEqualTo(CallState.SCHEDULED);
                assertThat(c.caller()).isEqualTo(onTheCall.caller());
                assertThat(c.tier()).isEqualTo(CRISIS);
            });
            List<QueueEvent> events = queue.runUntil(slot.start());
            assertThat(only(OperativeAssigned.class, events)).singleElement().satisfies(a -> {
                assertThat(a.call().value()).isEqualTo("c1/callback");
                assertThat(a.kind()).isEqualTo(CallKind.SLOT_CALLBACK);
                assertThat(a.at()).isEqualTo(slot.start());
            });
        }

        @Test
        @DisplayName("an operative's booking counts against the slot's capacity like the IVR's, and a full slot changes nothing")
        void operativeBookingIsRefusedWhenTheSlotIsFull() {
            c1OnTheLineWithOp1(8, SUPPORT);
            queue.enqueue(aCaller("s2").inTier(SUPPORT));
            CallbackSlot first = queue.core().offerSlots().get(0);
            queue.bookSlot("s2", first.start());

            Outcome full = queue.bookAfterCall("c1/callback", "c1", first.start());

            assertThat(full).isInstanceOfSatisfying(Outcome.Rejected.class,
                    r -> assertThat(r.reason()).isEqualTo(Outcome.Rejection.SLOT_FULL));
            assertThat(full.events()).isEmpty();
            assertThat(queue.isOpen("c1/callback")).isFalse();
            assertThat(queue.bookAfterCall("c1/callback", "c1", START.plus(Duration.ofMinutes(67))).isApplied())
                    .as("off the grid").isFalse();
        }

        @Test
        @DisplayName("the same booking again changes nothing; another slot under its id is refused")
        void operativeBookingIsIdempotentByItsId() {
            c1OnTheLineWithOp1(16, SUPPORT);
            List<CallbackSlot> slots = queue.core().offerSlots();
            queue.bookAfterCall("c1/callback", "c1", slots.get(1).start());

            Outcome again = queue.bookAfterCall("c1/callback", "c1", slots.get(1).start());
            Outcome otherSlot = queue.bookAfterCall("c1/callback", "c1", slots.get(2).start());

            assertThat(again.isApplied()).isTrue();
            assertThat(again.events()).isEmpty();
            assertThat(otherSlot).isInstanceOfSatisfying(Outcome.Rejected.class,
                    r -> assertThat(r.reason()).isEqualTo(Outcome.Rejection.INVALID));
            assertThat(queue.core().offerSlots()).filteredOn(s -> s.start().equals(slots.get(1).start()))
                    .singleElement().satisfies(s -> assertThat(s.booked()).isEqualTo(1));
        }

        @Test
        @DisplayName("an operative's booking is refused for a tier-1 caller, who stays live until answered")
        void operativeBookingIsRefusedForTierOne() {
            c1OnTheLineWithOp1(8, Tier.IMMEDIATE_RISK);

            Outcome refused = queue.bookAfterCall("c1/callback", "c1", queue.core().offerSlots().get(0).start());

            assertThat(refused).isInstanceOfSatisfying(Outcome.Rejected.class,
                    r -> assertThat(r.reason()).isEqualTo(Outcome.Rejection.NOT_ALLOWED_FOR_TIER));
            assertThat(queue.isOpen("c1/callback")).isFalse();
        }

        @Test
        @DisplayName("an operative cannot book a callback when callbacks are switched off")
        void operativeBookingNeedsCallbacksOn() {
            QueueHarness off = QueueHarness.withSettings("callbacks.offered", "false");
            off.core().setRota(rotaOf(8));
            off.logOn(anOperative("op1"));
            off.enqueue(aCaller("c1").inTier(SUPPORT));
            off.connect("c1");

            Outcome refused = off.bookAfterCall("c1/callback", "c1", START.plus(Duration.ofMinutes(30)));

            assertThat(refused).isInstanceOfSatisfying(Outcome.Rejected.class,
                    r -> assertThat(r.reason()).isEqualTo(Outcome.Rejection.CALLBACKS_NOT_OFFERED));
        }

        @Test
        @DisplayName("a slot callback held by the reserve is called once it has waited its tier's target less the margin, without another event")
        void slotCallbackHeldByTheReserveIsServedAtItsRelease() {
            queue.core().setRota(rotaOf(8));
            queue.enqueue(aCaller("c1").inTier(CRISIS));
            CallbackSlot slot = queue.core().offerSlots().get(0);
            queue.bookSlot("c1", slot.start());
            queue.end("c1");
            queue.logOn(anOperative("op1"));
            queue.runUntil(slot.start());
            assertThat(queue.stateOf("c1")).isEqualTo(CallState.WAITING);

            List<QueueEvent> events = queue.runFor(60);

            assertThat(only(OperativeAssigned.class, events)).singleElement()
                    .satisfies(a -> assertThat(a.at()).isEqualTo(slot.start().plusSeconds(55)));
        }

        @Test
        @DisplayName("a slot callback not tried by the end of its slot alerts the clinical lead")
        void overdueSlotCallbackAlertsTheLead() {
            queue.core().setRota(rotaOf(8));
            queue.enqueue(aCaller("s1").inTier(SUPPORT));
            CallbackSlot slot = queue.core().offerSlots().get(0);
            queue.bookSlot("s1", slot.start());

            List<QueueEvent> events = queue.runUntil(slot.end());

            assertThat(alerts(AlertReason.CALLBACK_OVERDUE, events)).singleElement()
                    .satisfies(a -> assertThat(a.at()).isEqualTo(slot.end()));
        }
    }

    @Nested
    @DisplayName("Unanswered callbacks")
    class Unanswered {
        @Test
        @DisplayName("an unanswered callback frees the operative and is retried 10 min later")
        void unansweredCallbackIsRetriedWithSpacing() {
            callerOnVirtualHoldBeingCalledBack(aCaller("s1").inTier(SUPPORT));

            Outcome failed = record(queue.unreachable("s1"));

            assertThat(only(CallbackAttemptFailed.class, failed)).singleElement()
                    .satisfies(f -> assertThat(f.attempt()).isEqualTo(1));
            assertThat(only(CallbackRetryScheduled.class, failed)).singleElement().satisfies(r -> {
                assertThat(r.retryAt()).isEqualTo(queue.now().plus(Duration.ofMinutes(10)));
                assertThat(r.nextAttempt()).isEqualTo(2);
            });
            assertThat(queue.operative("op1").state()).isEqualTo(OperativeState.AVAILABLE);
            assertThat(queue.stateOf("s1")).isEqualTo(CallState.SCHEDULED);

            assertThat(only(CallbackDue.class, queue.runFor(Duration.ofMinutes(10).minusSeconds(1)))).isEmpty();
            List<QueueEvent> retry = queue.runFor(1);

            assertThat(only(CallbackDue.class, retry)).singleElement().satisfies(d -> assertThat(d.attempt()).isEqualTo(2));
            assertThat(only(OperativeAssigned.class, retry)).singleElement()
                    .satisfies(a -> assertThat(a.call().value()).isEqualTo("s1"));
            assertThat(queue.call("s1").attempts()).isEqualTo(2);
        }

        @Test
        @DisplayName("a tier-2 caller unreachable after 3 tries is escalated to a clinical lead, never dropped")
        void unreachableTierTwoIsEscalated() {
            callerOnVirtualHoldBeingCalledBack(aCaller("c1").inTier(CRISIS));

            unreachableOnEveryAttempt("c1");

            assertThat(only(CallbackEscalated.class, history)).singleElement().satisfies(e -> {
                assertThat(e.call().value()).isEqualTo("c1");
                assertThat(e.attempts()).isEqualTo(3);
                assertThat(e.tier()).isEqualTo(CRISIS);
            });
            assertThat(alerts(AlertReason.CALLBACK_UNREACHABLE, history)).hasSize(1);
            assertThat(only(CallbackClosedUnreachable.class, history)).isEmpty();
            assertThat(queue.isOpen("c1")).isFalse();
            assertThat(terminalEventsFor("c1")).isEqualTo(1);
        }

        @Test
        @DisplayName("a flagged tier-3 caller unreachable after 3 tries is escalated too")
        void unreachableFlaggedCallerIsEscalated() {
            callerOnVirtualHoldBeingCalledBack(aCaller("s1").inTier(SUPPORT).flaggedHighRisk());

            unreachableOnEveryAttempt("s1");

            assertThat(only(CallbackEscalated.class, history)).hasSize(1);
            assertThat(terminalEventsFor("s1")).isEqualTo(1);
        }

        @Test
        @DisplayName("an unflagged tier-3 caller unreachable after 3 tries is closed with a record, and the lead is not called")
        void unreachableTierThreeIsClosedWithARecord() {
            callerOnVirtualHoldBeingCalledBack(aCaller("s1").inTier(SUPPORT));

            unreachableOnEveryAttempt("s1");

            assertThat(only(CallbackClosedUnreachable.class, history)).singleElement().satisfies(c -> {
                assertThat(c.caller().pseudonym()).isEqualTo("pseudo-s1");
                assertThat(c.attempts()).isEqualTo(3);
            });
            assertThat(only(CallbackEscalated.class, history)).isEmpty();
            assertThat(alerts(AlertReason.CALLBACK_UNREACHABLE, history)).isEmpty();
            assertThat(terminalEventsFor("s1")).isEqualTo(1);
            assertThat(queue.operative("op1").state()).isEqualTo(OperativeState.AVAILABLE);
        }

        @Test
        @DisplayName("an operative who does not pick up does not use up the caller's attempt")
        void operativeNotAnsweringIsNotACallerAttempt() {
            callerOnVirtualHoldBeingCalledBack(aCaller("s1").inTier(SUPPORT));
            queue.logOn(anOperative("op3"));
            assertThat(queue.call("s1").attempts()).isEqualTo(1);

            queue.notAnswered("s1");

            // op1 never reached the caller; op2 makes the first real attempt.
            assertThat(queue.operativeOf("s1")).isEqualTo("op2");
            assertThat(queue.call("s1").attempts()).isEqualTo(1);
            assertThat(queue.operative("op1").state()).isEqualTo(OperativeState.NOT_READY);
        }
    }

    @Nested
    @DisplayName("A caller who gets through live")
    class GotThroughLive {
        private final QueueHarness line = QueueHarness.withSettings("dispatch.tier-one-reserve", "0");
        private final CallerBuilder person = aCaller("p1").inTier(SUPPORT);

        @Test
        @DisplayName("rings again while on virtual hold: the live call takes the kept place, the virtual hold is closed, and nobody is rung twice")
        void ringingAgainTakesTheKeptPlace() {
            line.enqueue(person);
            line.advance(Duration.ofMinutes(5));
            line.virtualHold("p1");
            line.end("p1");
            line.enqueue(aCaller("other").inTier(SUPPORT));
            line.advance(Duration.ofMinutes(5));

            Outcome rangAgain = line.enqueue(aCaller("p1-again").inTier(SUPPORT).samePersonAs(person));

            assertThat(only(QueueEvent.CallbackSuperseded.class, rangAgain)).singleElement().satisfies(closed -> {
                assertThat(closed.call().value()).isEqualTo("p1");
                assertThat(closed.liveCall().value()).isEqualTo("p1-again");
                assertThat(closed.caller().pseudonym()).isEqualTo("pseudo-p1");
            });
            assertThat(line.call("p1-again").joinedAt()).isEqualTo(START);
            assertThat(line.waitingInOrder()).containsExactly("p1-again", "other");
            assertThat(line.isOpen("p1")).isFalse();
            line.logOn(anOperative("op1"));
            assertThat(line.operativeOf("p1-again")).isEqualTo("op1");
            assertThat(only(QueueEvent.CallbackSuperseded.class, line.connect("p1-again"))).isEmpty();
        }

        @Test
        @DisplayName("no longer needs the slot they picked in the IVR; a callback an operative booked after an earlier call is a follow-up and is kept")
        void ivrSlotIsClosedAndFollowUpKept() {
            line.core().setRota(new Rota(List.of(new Rota.Block(START, START.plus(Duration.ofDays(1)), 8))));
            CallbackSlot first = line.core().offerSlots().get(0);
            CallbackSlot second = line.core().offerSlots().get(1);
            line.logOn(anOperative("op1"));
            line.enqueue(person);
            line.connect("p1");
            line.bookAfterCall("p1/callback", "p1", first.start());
            line.end("p1");
            line.pause("op1", OperativeState.BREAK, QueueHarness.LEAD, "break");
            line.enqueue(aCaller("p2").inTier(SUPPORT).samePersonAs(person));
            assertThat(line.bookSlot("p2", second.start()).isApplied()).isTrue();
            line.end("p2");
            line.enqueue(aCaller("p3").inTier(CRISIS).samePersonAs(person));
            line.ready("op1");
            assertThat(line.operativeOf("p3")).isEqualTo("op1");

            Outcome answered = line.connect("p3");

            assertThat(only(QueueEvent.CallbackSuperseded.class, answered)).extracting(c -> c.call().value())
                    .containsExactly("p2");
            assertThat(line.stateOf("p1/callback")).isEqualTo(CallState.SCHEDULED);
        }
    }

    @Nested
    @DisplayName("A clinical lead cancels a booked callback")
    class Cancelled {
        private Outcome cancel(String call, Actor by) {
            return queue.core().cancelCallback(CallId.of(call), by, "caller rang to say they are safe");
        }

        @Test
        @DisplayName("a virtual hold or a booked slot ends with the lead's reason, recorded as an override; nobody is rung for it, and cancelling again changes nothing")
        void endsWithTheReason() {
            queue.core().setRota(new Rota(List.of(new Rota.Block(START, START.plus(Duration.ofDays(1)), 8))));
            CallbackSlot slot = queue.core().offerSlots().get(0);
            queue.enqueue(aCaller("v1").inTier(SUPPORT));
            queue.virtualHold("v1");
            queue.end("v1");
            queue.enqueue(aCaller("s1").inTier(SUPPORT));
            queue.bookSlot("s1", slot.start());
            queue.end("s1");

            Outcome cancelled = cancel("v1", QueueHarness.LEAD);
            cancel("s1", QueueHarness.LEAD);

            assertThat(only(QueueEvent.CallbackCancelled.class, cancelled)).singleElement().satisfies(c -> {
                assertThat(c.by()).isEqualTo(QueueHarness.LEAD);
                assertThat(c.reason()).isEqualTo("caller rang to say they are safe");
            });
            assertThat(only(QueueEvent.OverrideRecorded.class, cancelled)).singleElement()
                    .satisfies(o -> assertThat(o.action()).isEqualTo("cancel-callback"));
            assertThat(queue.isOpen("v1")).isFalse();
            assertThat(queue.isOpen("s1")).isFalse();
            queue.logOn(anOperative("op1"));
            assertThat(only(OperativeAssigned.class, queue.runUntil(slot.end()))).isEmpty();
            Outcome again = cancel("v1", QueueHarness.LEAD);
            assertThat(again.isApplied()).isTrue();
            assertThat(again.events()).isEmpty();
        }

        @Test
        @DisplayName("only a lead cancels, only a booked callback, and not while it is being made")
        void refusals() {
            callerOnVirtualHoldBeingCalledBack(aCaller("v1").inTier(SUPPORT));
            queue.enqueue(aCaller("live").inTier(SUPPORT));

            assertThat(cancel("v1", QueueHarness.LEAD)).isInstanceOfSatisfying(Outcome.Rejected.class,
                    r -> assertThat(r.reason()).isEqualTo(Outcome.Rejection.WRONG_STATE));
            assertThat(cancel("live", QueueHarness.LEAD)).isInstanceOfSatisfying(Outcome.Rejected.class,
                    r -> assertThat(r.reason()).isEqualTo(Outcome.Rejection.INVALID));
            assertThat(cancel("v1", QueueHarness.OPERATIVE)).isInstanceOfSatisfying(Outcome.Rejected.class,
                    r -> assertThat(r.reason()).isEqualTo(Outcome.Rejection.INVALID));
            assertThat(cancel("nobody", QueueHarness.LEAD)).isInstanceOfSatisfying(Outcome.Rejected.class,
                    r -> assertThat(r.reason()).isEqualTo(Outcome.Rejection.UNKNOWN_CALL));
            assertThat(queue.stateOf("v1")).isEqualTo(CallState.OFFERED);
        }
    }
}
