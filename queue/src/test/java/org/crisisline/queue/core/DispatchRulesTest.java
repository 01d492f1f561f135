package org.crisisline.queue.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.crisisline.queue.model.Tier.CRISIS;
import static org.crisisline.queue.model.Tier.IMMEDIATE_RISK;
import static org.crisisline.queue.model.Tier.SUPPORT;
import static org.crisisline.queue.testing.CallerBuilder.aCaller;
import static org.crisisline.queue.testing.OperativeBuilder.anOperative;
import static org.crisisline.queue.testing.QueueHarness.LEAD;
import static org.crisisline.queue.testing.QueueHarness.OPERATIVE;
import static org.crisisline.queue.testing.QueueHarness.START;
import static org.crisisline.queue.testing.QueueHarness.only;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.crisisline.queue.event.Outcome;
import org.crisisline.queue.event.QueueEvent;
import org.crisisline.queue.event.QueueEvent.AlertReason;
import org.crisisline.queue.event.QueueEvent.ClinicalLeadAlerted;
import org.crisisline.queue.event.QueueEvent.OperativeAssigned;
import org.crisisline.queue.event.QueueEvent.RecoveryInterrupted;
import org.crisisline.queue.model.CallState;
import org.crisisline.queue.model.OperativeId;
import org.crisisline.queue.model.OperativeState;
import org.crisisline.queue.model.Tier;
import org.crisisline.queue.testing.QueueHarness;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** DOMAIN.md, "Staff-load balancing": who answers whom, and when. Defaults unless a test says otherwise. */
@DisplayName("Dispatch: the staff-load-balancing policy")
class DispatchRulesTest {
    private final QueueHarness queue = QueueHarness.withDefaults();

    private static OperativeAssigned assignmentOf(String call, List<QueueEvent> events) {
        List<OperativeAssigned> found = only(OperativeAssigned.class, events).stream()
                .filter(a -> a.call().value().equals(call)).toList();
        assertThat(found).as("assignments of " + call).hasSize(1);
        return found.get(0);
    }

    private static List<ClinicalLeadAlerted> alerts(AlertReason reason, List<QueueEvent> events) {
        return only(ClinicalLeadAlerted.class, events).stream().filter(a -> a.reason() == reason).toList();
    }

    /** Puts the operative through a tier-1 call of {@code talk}, ending in recovery. */
    private void handleTierOneCall(String call, String operative, Duration talk) {
        queue.enqueue(aCaller(call).inTier(IMMEDIATE_RISK));
        assertThat(queue.operativeOf(call)).isEqualTo(operative);
        queue.talk(call, talk);
    }

    @Nested
    @DisplayName("Tier 1 goes first, to whoever is free now")
    class TierOne {
        @Test
        @DisplayName("a free clinician is preferred to a non-clinician who has been idle longer")
        void tierOneGoesToAFreeClinicianInPreference() {
            queue.logOn(anOperative("trained"));
            queue.advanceSeconds(30);
            queue.logOn(anOperative("clinician").clinical());

            Outcome outcome = queue.enqueue(aCaller("danger").inTier(IMMEDIATE_RISK));

            assertThat(assignmentOf("danger", outcome.events()).operative()).isEqualTo(OperativeId.of("clinician"));
            assertThat(only(ClinicalLeadAlerted.class, outcome)).isEmpty();
        }

        @Test
        @DisplayName("with no clinician free, a trained operative answers at once and the clinical lead is alerted to join")
        void tierOneGoesAtOnceToANonClinicianWithALeadAlert() {
            queue.logOn(anOperative("clinician").clinical());
            queue.logOn(anOperative("trained"));
            queue.enqueue(aCaller("first").inTier(IMMEDIATE_RISK));
            assertThat(queue.operativeOf("first")).isEqualTo("clinician");

            Outcome outcome = queue.enqueue(aCaller("second").inTier(IMMEDIATE_RISK));

            OperativeAssigned assigned = assignmentOf("second", outcome.events());
            assertThat(assigned.operative()).isEqualTo(OperativeId.of("trained"));
            assertThat(assigned.waited()).isZero();
            assertThat(alerts(AlertReason.TIER_ONE_ANSWERED_BY_NON_CLINICIAN, outcome.events()))
                    .singleElement()
                    .satisfies(a -> {
                        assertThat(a.call()).hasValueSatisfying(c -> assertThat(c.value()).isEqualTo("second"));
                        assertThat(a.operative()).contains(OperativeId.of("trained"));
                    });
        }

        @Test
        @DisplayName("a tier-1 caller still waiting at the 20 s target is reported to the clinical lead")
        void tierOneCallerWaitingPastTheTargetAlertsTheLead() {
            queue.enqueue(aCaller("danger").inTier(IMMEDIATE_RISK));

            assertThat(alerts(AlertReason.TIER_ONE_WAITING_PAST_TARGET, queue.runFor(19))).isEmpty();
            List<QueueEvent> atTarget = queue.runFor(1);

            assertThat(alerts(AlertReason.TIER_ONE_WAITING_PAST_TARGET, atTarget)).singleElement()
                    .satisfies(a -> assertThat(a.at()).isEqualTo(START.plusSeconds(20)));
        }
    }

    @Nested
    @DisplayName("A reserve for tier 1")
    class Reserve {
        @Test
        @DisplayName("the last free operative is kept from a tier-2 caller until 5 s before its 60 s target, so the ring ends within it")
        void lastFreeOperativeIsKeptFromTierTwoUntilTheMarginBeforeItsTarget() {
            queue.logOn(anOperative("op1"));
            Outcome joined = queue.enqueue(aCaller("crisis").inTier(CRISIS));
            assertThat(only(OperativeAssigned.class, joined)).isEmpty();

            assertThat(only(OperativeAssigned.class, queue.runFor(54))).isEmpty();
            List<QueueEvent> released = queue.runFor(1);

            OperativeAssigned assigned = assignmentOf("crisis", released);
            assertThat(assigned.operative()).isEqualTo(OperativeId.of("op1"));
            assertThat(assigned.waited()).isEqualTo(Duration.ofSeconds(55));
        }

        @Test
        @DisplayName("the last free operative is kept from a tier-3 caller until 5 s before its 5 min target")
        void lastFreeOperativeIsKeptFromTierThreeUntilTheMarginBeforeItsTarget() {
            queue.logOn(anOperative("op1"));
            queue.enqueue(aCaller("support").inTier(SUPPORT));

            assertThat(only(OperativeAssigned.class, queue.runFor(Duration.ofSeconds(294)))).isEmpty();
            assertThat(assignmentOf("support", queue.runFor(1)).waited()).isEqualTo(Duration.ofSeconds(295));
        }

        @Test
        @DisplayName("with a release margin of 0 s, a held caller is released exactly at the target")
        void withoutAMarginAHeldCallerIsReleasedAtTheTarget() {
            QueueHarness atTarget = QueueHarness.withSettings("dispatch.reserve-release-margin", "0s");
            atTarget.logOn(anOperative("op1"));
            atTarget.enqueue(aCaller("crisis").inTier(CRISIS));

            assertThat(only(OperativeAssigned.class, atTarget.runFor(59))).isEmpty();
            assertThat(assignmentOf("crisis", atTarget.runFor(1)).waited()).isEqualTo(Duration.ofSeconds(60));
        }

        @Test
        @DisplayName("a tier-3 caller with a hold limit of 90 s is answered by the last free operative at 90 s")
        void tierThreeIsHeldOnlyUpToItsLimit() {
            QueueHarness limited = QueueHarness.withSettings("dispatch.reserve-hold-limit.support", "90s");
            limited.logOn(anOperative("op1"));
            limited.enqueue(aCaller("support").inTier(SUPPORT));

            assertThat(only(OperativeAssigned.class, limited.runFor(89))).isEmpty();
            assertThat(assignmentOf("support", limited.runFor(1)).waited()).isEqualTo(Duration.ofSeconds(90));
        }

        @Test
        @DisplayName("a hold limit of 0 s means that tier is never held back, while other tiers still are")
        void holdLimitOfZeroNeverHoldsThatTier() {
            QueueHarness limited = QueueHarness.withSettings("dispatch.reserve-hold-limit.support", "0s");
            limited.logOn(anOperative("op1"));
            limited.enqueue(aCaller("crisis").inTier(CRISIS));
            assertThat(limited.stateOf("crisis")).isEqualTo(CallState.WAITING);

            Outcome outcome = limited.enqueue(aCaller("support").inTier(SUPPORT));

            assertThat(assignmentOf("support", outcome.events()).operative()).isEqualTo(OperativeId.of("op1"));
            assertThat(limited.stateOf("crisis")).isEqualTo(CallState.WAITING);
        }

        @Test
        @DisplayName("a hold limit later than the target less the margin changes nothing")
        void holdLimitBeyondTheTargetIsBoundByTheTarget() {
            QueueHarness limited = QueueHarness.withSettings("dispatch.reserve-hold-limit.crisis", "10m");
            limited.logOn(anOperative("op1"));
            limited.enqueue(aCaller("crisis").inTier(CRISIS));

            assertThat(assignmentOf("crisis", limited.runFor(60)).waited()).isEqualTo(Duration.ofSeconds(55));
        }

        @Test
        @DisplayName("a caller re-tiered while being rung and then not answered is held only until the new tier's release")
        void retieredWhileRingingIsHeldOnlyUntilTheNewRelease() {
            queue.logOn(anOperative("op1"));
            queue.advanceSeconds(1);
            queue.logOn(anOperative("op2"));
            queue.enqueue(aCaller("caller").inTier(SUPPORT));
            assertThat(queue.operativeOf("caller")).isEqualTo("op1");
            queue.retier("caller", CRISIS, OPERATIVE, "crisis, not advice");
            queue.notAnswered("caller");
            Instant joined = queue.call("caller").joinedAt();

            List<QueueEvent> events = queue.runFor(Duration.ofMinutes(5));

            assertThat(assignmentOf("caller", events).at()).isEqualTo(joined.plusSeconds(55));
        }

        @Test
        @DisplayName("the reserve never holds back a tier-1 caller")
        void reserveServesTierOneAtOnce() {
            queue.logOn(anOperative("op1"));
            queue.enqueue(aCaller("crisis").inTier(CRISIS));

            Outcome outcome = queue.enqueue(aCaller("danger").inTier(IMMEDIATE_RISK));

            assertThat(assignmentOf("danger", outcome.events()).operative()).isEqualTo(OperativeId.of("op1"));
            assertThat(queue.stateOf("crisis")).isEqualTo(CallState.WAITING);
        }

        @Test
        @DisplayName("counting recovering operatives, the free one answers a lower tier once a recovery could be interrupted in time for tier 1")
        void recoveringOperativeWhoCouldBeInterruptedInTimeCountsTowardsTheReserve() {
            QueueHarness counting = QueueHarness.withSettings("dispatch.reserve-counts-recovering", "true");
            counting.logOn(anOperative("op1"));
            counting.enqueue(aCaller("first").inTier(IMMEDIATE_RISK));
            counting.talk("first", Duration.ofMinutes(5));
            Instant recoveryStarted = counting.now();
            counting.logOn(anOperative("op2"));
            counting.runFor(100);
            counting.enqueue(aCaller("support").inTier(SUPPORT));

            // A tier-1 caller coming now would be about to miss at 115 s of recovery: too soon to interrupt it.
            assertThat(only(OperativeAssigned.class, counting.runUntil(recoveryStarted.plusSeconds(104)))).isEmpty();
            List<QueueEvent> reachable = counting.runFor(1);
            assertThat(assignmentOf("support", reachable).operative()).isEqualTo(OperativeId.of("op2"));

            counting.enqueue(aCaller("danger").inTier(IMMEDIATE_RISK));
            OperativeAssigned danger = assignmentOf("danger", counting.runFor(15));
            assertThat(danger.operative()).isEqualTo(OperativeId.of("op1"));
            assertThat(danger.interruptedRecovery()).isTrue();
            assertThat(danger.waited()).isEqualTo(Duration.ofSeconds(15));
        }

        @Test
        @DisplayName("by default only free operatives count: a recovery that could be interrupted does not release the reserve")
        void byDefaultRecoveringOperativesDoNotCount() {
            queue.logOn(anOperative("op1"));
            handleTierOneCall("first", "op1", Duration.ofMinutes(5));
            Instant recoveryStarted = queue.now();
            queue.logOn(anOperative("op2"));
            queue.runFor(100);
            queue.enqueue(aCaller("support").inTier(SUPPORT));

            assertThat(only(OperativeAssigned.class, queue.runUntil(recoveryStarted.plusSeconds(299)))).isEmpty();
        }

        @Test
        @DisplayName("counting recovering operatives, one at the tier-1 cap counts only once their recovery is about to end")
        void recoveringOperativeAtTheCapCountsOnlyNearTheEndOfRecovery() {
            QueueHarness counting = QueueHarness.withSettings("dispatch.reserve-counts-recovering", "true",
                    "dispatch.consecutive-tier-one-cap", "1");
            counting.logOn(anOperative("op1"));
            counting.enqueue(aCaller("first").inTier(IMMEDIATE_RISK));
            counting.talk("first", Duration.ofMinutes(5));
            Instant recoveryStarted = counting.now();
            counting.logOn(anOperative("op2"));
            counting.enqueue(aCaller("support").inTier(SUPPORT));

            assertThat(only(OperativeAssigned.class, counting.runUntil(recoveryStarted.plusSeconds(284)))).isEmpty();
            List<QueueEvent> nearlyOver = counting.runFor(1);

            assertThat(assignmentOf("support", nearlyOver).operative()).isEqualTo(OperativeId.of("op2"));
        }

        @Test
        @DisplayName("with more operatives free than the reserve, a lower-tier caller is answered at once")
        void lowerTierIsAnsweredAtOnceAboveTheReserve() {
            queue.logOn(anOperative("op1"));
            queue.logOn(anOperative("op2"));

            assertThat(only(OperativeAssigned.class, queue.enqueue(aCaller("first").inTier(SUPPORT)))).hasSize(1);
            assertThat(only(OperativeAssigned.class, queue.enqueue(aCaller("second").inTier(SUPPORT)))).isEmpty();
        }

        @Test
        @DisplayName("with the reserve switched off, the last free operative takes a lower tier at once")
        void reserveCanBeSwitchedOff() {
            QueueHarness noReserve = QueueHarness.withSettings("dispatch.tier-one-reserve", "0");
            noReserve.logOn(anOperative("op1"));

            assertThat(only(OperativeAssigned.class, noReserve.enqueue(aCaller("support").inTier(SUPPORT))))
                    .hasSize(1);
        }

        @Test
        @DisplayName("with fifo ordering, a tier-1 caller behind a held lower-tier caller still gets the reserved operative")
        void reserveServesTierOneBehindALowerTierInFifoOrder() {
            QueueHarness fifo = QueueHarness.withSettings("ordering", "fifo");
            fifo.logOn(anOperative("op1"));
            fifo.enqueue(aCaller("crisis").inTier(CRISIS));
            fifo.advanceSeconds(1);

            Outcome outcome = fifo.enqueue(aCaller("danger").inTier(IMMEDIATE_RISK));

            assertThat(assignmentOf("danger", outcome.events()).operative()).isEqualTo(OperativeId.of("op1"));
        }

        @Test
        @DisplayName("with fifo ordering, a tier-1 caller behind a lower tier may still interrupt a recovery")
        void tierOneBehindALowerTierInFifoOrderMayInterruptRecovery() {
            QueueHarness fifo = QueueHarness.withSettings("ordering", "fifo");
            fifo.logOn(anOperative("op1"));
            fifo.enqueue(aCaller("first-danger").inTier(IMMEDIATE_RISK));
            fifo.talk("first-danger", Duration.ofMinutes(5));
            fifo.runFor(Duration.ofMinutes(3));
            fifo.enqueue(aCaller("crisis").inTier(CRISIS));
            fifo.advanceSeconds(1);
            fifo.enqueue(aCaller("danger").inTier(IMMEDIATE_RISK));

            List<QueueEvent> events = fifo.runFor(15);

            assertThat(assignmentOf("danger", events).interruptedRecovery()).isTrue();
        }
    }

    @Nested
    @DisplayName("Tiers 2 and 3 prefer operatives who are not clinical")
    class NonClinicalPreference {
        @Test
        @DisplayName("a tier-2 caller goes to a non-clinician rather than to a clinician idle longer")
        void lowerTiersPreferNonClinicalOperatives() {
            queue.logOn(anOperative("clinician").clinical());
            queue.advanceSeconds(30);
            queue.logOn(anOperative("trained"));

            Outcome outcome = queue.enqueue(aCaller("crisis").inTier(CRISIS));

            assertThat(assignmentOf("crisis", outcome.events()).operative()).isEqualTo(OperativeId.of("trained"));
        }

        @Test
        @DisplayName("when only clinicians are free (beyond the reserve) a lower-tier caller still goes to one")
        void lowerTiersFallBackToClinicians() {
            queue.logOn(anOperative("clinician-1").clinical());
            queue.logOn(anOperative("clinician-2").clinical());

            Outcome outcome = queue.enqueue(aCaller("support").inTier(SUPPORT));

            assertThat(assignmentOf("support", outcome.events()).operative()).isEqualTo(OperativeId.of("clinician-1"));
        }
    }

    @Nested
    @DisplayName("Recovery time after a call")
    class Recovery {
        @Test
        @DisplayName("no call is routed to an operative during the 120 s recovery after a tier-2 call")
        void recoveryTimeBlocksRouting() {
            queue.logOn(anOperative("op1"));
            queue.logOn(anOperative("op2"));
            queue.enqueue(aCaller("first").inTier(CRISIS));
            queue.enqueue(aCaller("busy").inTier(IMMEDIATE_RISK));
            assertThat(queue.operativeOf("first")).isEqualTo("op1");
            assertThat(queue.operativeOf("busy")).isEqualTo("op2");
            queue.connect("busy");
            queue.talk("first", Duration.ofMinutes(10));
            Instant ended = queue.now();
            assertThat(queue.operative("op1").state()).isEqualTo(OperativeState.RECOVERY);

            queue.enqueue(aCaller("next").inTier(CRISIS));
            assertThat(only(OperativeAssigned.class, queue.runFor(119))).isEmpty();
            List<QueueEvent> recovered = queue.runFor(1);

            OperativeAssigned assigned = assignmentOf("next", recovered);
            assertThat(assigned.operative()).isEqualTo(OperativeId.of("op1"));
            assertThat(assigned.at()).isEqualTo(ended.plusSeconds(120));
            assertThat(assigned.interruptedRecovery()).isFalse();
        }

        @Test
        @DisplayName("recovery lasts 300 s after a tier-1 call and none after a tier-3 call")
        void recoveryDependsOnTheTier() {
            queue.logOn(anOperative("op1"));
            handleTierOneCall("danger", "op1", Duration.ofMinutes(1));
            Instant ended = queue.now();
            assertThat(queue.operative("op1").recoveryUntil()).isEqualTo(ended.plusSeconds(300));

            QueueHarness other = QueueHarness.withSettings("dispatch.tier-one-reserve", "0");
            other.logOn(anOperative("op1"));
            other.enqueue(aCaller("support").inTier(SUPPORT));
            other.talk("support", Duration.ofMinutes(1));
            assertThat(other.operative("op1").state()).isEqualTo(OperativeState.AVAILABLE);
        }

        @Test
        @DisplayName("a tier-1 caller about to miss the target interrupts a recovery once it has lasted 120 s")
        void tierOneCallerInterruptsARecoveryThatHasLastedTheMinimum() {
            queue.logOn(anOperative("op1"));
            handleTierOneCall("first", "op1", Duration.ofMinutes(5));
            Instant recoveryStarted = queue.now();
            queue.runFor(60);
            queue.enqueue(aCaller("danger").inTier(IMMEDIATE_RISK));

            // At 15 s of waiting the recovery has lasted only 75 s: too short to interrupt.
            assertThat(only(OperativeAssigned.class, queue.runFor(15))).isEmpty();
            List<QueueEvent> events = queue.runUntil(recoveryStarted.plusSeconds(120));

            OperativeAssigned assigned = assignmentOf("danger", events);
            assertThat(assigned.interruptedRecovery()).isTrue();
            assertThat(assigned.at()).isEqualTo(recoveryStarted.plusSeconds(120));
            assertThat(only(RecoveryInterrupted.class, events)).singleElement().satisfies(r -> {
                assertThat(r.recoveredFor()).isEqualTo(Duration.ofSeconds(120));
                assertThat(r.interruptionsSoFar()).isEqualTo(1);
            });
        }

        @Test
        @DisplayName("a tier-1 caller interrupts a long-enough recovery only once they are about to miss the target (15 s)")
        void recoveryIsInterruptedOnlyForACallerAboutToMiss() {
            queue.logOn(anOperative("op1"));
            handleTierOneCall("first", "op1", Duration.ofMinutes(5));
            queue.runFor(200);
            Outcome joined = queue.enqueue(aCaller("danger").inTier(IMMEDIATE_RISK));
            assertThat(only(OperativeAssigned.class, joined)).isEmpty();

            assertThat(only(OperativeAssigned.class, queue.runFor(14))).isEmpty();
            OperativeAssigned assigned = assignmentOf("danger", queue.runFor(1));

            assertThat(assigned.interruptedRecovery()).isTrue();
            assertThat(assigned.waited()).isEqualTo(Duration.ofSeconds(15));
        }

        @Test
        @DisplayName("a tier-2 caller never interrupts a recovery, however long they wait")
        void tierTwoNeverInterruptsRecovery() {
            queue.logOn(anOperative("op1"));
            handleTierOneCall("first", "op1", Duration.ofMinutes(5));
            Instant recoveryStarted = queue.now();
            queue.enqueue(aCaller("crisis").inTier(CRISIS));

            assertThat(only(OperativeAssigned.class, queue.runFor(299))).isEmpty();
            OperativeAssigned assigned = assignmentOf("crisis", queue.runFor(1));

            assertThat(assigned.interruptedRecovery()).isFalse();
            assertThat(assigned.at()).isEqualTo(recoveryStarted.plusSeconds(300));
        }

        @Test
        @DisplayName("every interruption is counted against the operative whose recovery it cut short")
        void interruptionsAreCountedPerOperative() {
            // The cap of two tier-1 calls in a row is off here, so that only recovery is at stake.
            QueueHarness queue = QueueHarness.withSettings("dispatch.consecutive-tier-one-cap", "0");
            queue.logOn(anOperative("op1"));
            queue.logOn(anOperative("op2"));
            queue.pause("op2", OperativeState.BREAK, LEAD, "twenty minutes off after a hard call");
            queue.enqueue(aCaller("d1").inTier(IMMEDIATE_RISK));
            queue.talk("d1", Duration.ofMinutes(1));
            queue.runFor(120);
            queue.enqueue(aCaller("d2").inTier(IMMEDIATE_RISK));
            queue.runFor(15);
            assertThat(queue.operativeOf("d2")).isEqualTo("op1");
            queue.talk("d2", Duration.ofMinutes(1));
            queue.runFor(120);
            queue.enqueue(aCaller("d3").inTier(IMMEDIATE_RISK));

            List<QueueEvent> events = queue.runFor(15);

            assertThat(only(RecoveryInterrupted.class, events)).singleElement()
                    .satisfies(r -> assertThat(r.interruptionsSoFar()).isEqualTo(2));
            assertThat(queue.operative("op1").recoveryInterruptions()).isEqualTo(2);
            assertThat(queue.operative("op2").recoveryInterruptions()).isZero();
            assertThat(queue.core().snapshot(10).operatives())
                    .filteredOn(o -> o.operative().id().value().equals("op1"))
                    .singleElement().satisfies(o -> assertThat(o.operative().recoveryInterruptions()).isEqualTo(2));
        }

        @Test
        @DisplayName("an operative may end their own recovery early and is routed calls again")
        void operativeMayEndTheirOwnRecovery() {
            queue.logOn(anOperative("op1"));
            handleTierOneCall("first", "op1", Duration.ofMinutes(1));
            queue.enqueue(aCaller("danger").inTier(IMMEDIATE_RISK));
            assertThat(queue.stateOf("danger")).isEqualTo(CallState.WAITING);

            Outcome ready = queue.ready("op1");

            assertThat(assignmentOf("danger", ready.events()).interruptedRecovery()).isFalse();
        }
    }

    @Nested
    @DisplayName("A cap of 2 consecutive tier-1 calls")
    class ConsecutiveTierOneCap {
        /** op1 takes two tier-1 calls in a row, ending each recovery early. */
        private void twoTierOneCallsInARow() {
            queue.logOn(anOperative("op1"));
            handleTierOneCall("d1", "op1", Duration.ofMinutes(1));
            queue.ready("op1");
            handleTierOneCall("d2", "op1", Duration.ofMinutes(1));
            queue.ready("op1");
            assertThat(queue.operative("op1").consecutiveTierOne()).isEqualTo(2);
        }

        @Test
        @DisplayName("after two tier-1 calls in a row an operative is given a third only when the caller would otherwise miss the target, and the lead is alerted")
        void capYieldsOnlyForACallerAboutToMiss() {
            twoTierOneCallsInARow();

            assertThat(only(OperativeAssigned.class, queue.enqueue(aCaller("d3").inTier(IMMEDIATE_RISK)))).isEmpty();
            assertThat(only(OperativeAssigned.class, queue.runFor(14))).isEmpty();
            List<QueueEvent> events = queue.runFor(1);

            assertThat(assignmentOf("d3", events).operative()).isEqualTo(OperativeId.of("op1"));
            assertThat(alerts(AlertReason.TIER_ONE_CAP_EXCEEDED, events)).hasSize(1);
        }

        @Test
        @DisplayName("a capped operative's next tier-1 caller goes to someone else at once")
        void cappedOperativeLeavesTierOneToOthers() {
            twoTierOneCallsInARow();
            queue.logOn(anOperative("op2"));

            Outcome outcome = queue.enqueue(aCaller("d3").inTier(IMMEDIATE_RISK));

            assertThat(assignmentOf("d3", outcome.events()).operative()).isEqualTo(OperativeId.of("op2"));
        }

        @Test
        @DisplayName("a lower-tier call ends the run of tier-1 calls")
        void lowerTierCallResetsTheRun() {
            twoTierOneCallsInARow();
            queue.enqueue(aCaller("crisis").inTier(CRISIS));
            queue.runFor(60);
            assertThat(queue.operativeOf("crisis")).isEqualTo("op1");
            queue.talk("crisis", Duration.ofMinutes(1));
            queue.ready("op1");
            assertThat(queue.operative("op1").consecutiveTierOne()).isZero();

            Outcome outcome = queue.enqueue(aCaller("d3").inTier(IMMEDIATE_RISK));

            assertThat(assignmentOf("d3", outcome.events()).operative()).isEqualTo(OperativeId.of("op1"));
        }

        @Test
        @DisplayName("a break ends the run of tier-1 calls")
        void breakResetsTheRun() {
            twoTierOneCallsInARow();
            queue.pause("op1", OperativeState.BREAK, OPERATIVE, "tea");
            queue.runFor(Duration.ofMinutes(15));
            queue.ready("op1");

            Outcome outcome = queue.enqueue(aCaller("d3").inTier(IMMEDIATE_RISK));

            assertThat(assignmentOf("d3", outcome.events()).operative()).isEqualTo(OperativeId.of("op1"));
        }
    }

    @Nested
    @DisplayName("Languages and interpreters")
    class Languages {
        @Test
        @DisplayName("a caller waits up to 60 s for a speaker of their language, then is answered with an interpreter offered")
        void callerWaitsForASpeakerThenGetsAnInterpreter() {
            queue.logOn(anOperative("english-1"));
            queue.logOn(anOperative("english-2"));
            queue.enqueue(aCaller("polish").inTier(CRISIS).speaking("pl"));

            assertThat(only(OperativeAssigned.class, queue.runFor(59))).isEmpty();
            OperativeAssigned assigned = assignmentOf("polish", queue.runFor(1));

            assertThat(assigned.interpreter()).isTrue();
            assertThat(assigned.waited()).isEqualTo(Duration.ofSeconds(60));
            assertThat(queue.call("polish").interpreter()).isTrue();
        }

        @Test
        @DisplayName("a free speaker of the caller's language is chosen over an operative idle longer")
        void speakerIsChosenAtOnce() {
            queue.logOn(anOperative("english"));
            queue.advanceSeconds(30);
            queue.logOn(anOperative("polish-speaker").speaking("pl"));
            queue.logOn(anOperative("english-2"));

            OperativeAssigned assigned = assignmentOf("polish",
                    queue.enqueue(aCaller("polish").inTier(SUPPORT).speaking("pl")).events());

            assertThat(assigned.operative()).isEqualTo(OperativeId.of("polish-speaker"));
            assertThat(assigned.interpreter()).isFalse();
        }

        @Test
        @DisplayName("a speaker who becomes free within the 60 s takes the call, with no interpreter")
        void speakerFreedWithinTheWaitTakesTheCall() {
            queue.logOn(anOperative("polish-speaker").speaking("pl"));
            queue.advanceSeconds(1);
            queue.logOn(anOperative("english-1"));
            queue.enqueue(aCaller("support").inTier(SUPPORT));
            assertThat(queue.operativeOf("support")).isEqualTo("polish-speaker");
            queue.connect("support");
            queue.logOn(anOperative("english-2"));
            queue.enqueue(aCaller("polish").inTier(CRISIS).speaking("pl"));
            queue.runFor(30);

            Outcome freed = queue.end("support");

            OperativeAssigned assigned = assignmentOf("polish", freed.events());
            assertThat(assigned.operative()).isEqualTo(OperativeId.of("polish-speaker"));
            assertThat(assigned.interpreter()).isFalse();
        }

        @Test
        @DisplayName("a tier-1 caller never waits for a language: answered at once, interpreter offered")
        void tierOneNeverWaitsForALanguage() {
            queue.logOn(anOperative("english"));

            OperativeAssigned assigned = assignmentOf("danger",
                    queue.enqueue(aCaller("danger").inTier(IMMEDIATE_RISK).speaking("pl")).events());

            assertThat(assigned.waited()).isZero();
            assertThat(assigned.interpreter()).isTrue();
        }

        @Test
        @DisplayName("Welsh speakers are matched like any other language; English needs no match")
        void englishCallersNeedNoMatch() {
            queue.logOn(anOperative("welsh").speaking("cy"));
            queue.advanceSeconds(1);
            queue.logOn(anOperative("english"));

            OperativeAssigned english = assignmentOf("english-caller",
                    queue.enqueue(aCaller("english-caller").inTier(SUPPORT)).events());
            assertThat(english.interpreter()).isFalse();
            assertThat(english.operative()).isEqualTo(OperativeId.of("welsh"));
        }
    }

    @Nested
    @DisplayName("Break and supervision blocks")
    class Blocks {
        @Test
        @DisplayName("an operative on a break or in supervision receives no calls, not even tier 1")
        void breakAndSupervisionReceiveNoCalls() {
            queue.logOn(anOperative("on-break").clinical());
            queue.logOn(anOperative("in-supervision"));
            queue.pause("on-break", OperativeState.BREAK, OPERATIVE, "rota break");
            queue.pause("in-supervision", OperativeState.SUPERVISION, OPERATIVE, "rota supervision");

            Outcome joined = queue.enqueue(aCaller("danger").inTier(IMMEDIATE_RISK));
            List<QueueEvent> meanwhile = queue.runFor(Duration.ofMinutes(10));

            assertThat(only(OperativeAssigned.class, joined)).isEmpty();
            assertThat(only(OperativeAssigned.class, meanwhile)).isEmpty();
            assertThat(alerts(AlertReason.TIER_ONE_WAITING_PAST_TARGET, meanwhile)).hasSize(1);

            Outcome back = queue.ready("on-break");
            assertThat(assignmentOf("danger", back.events()).operative()).isEqualTo(OperativeId.of("on-break"));
        }

        @Test
        @DisplayName("a break asked for during a call starts when the call ends, instead of recovery")
        void breakDuringACallStartsAfterIt() {
            queue.logOn(anOperative("op1"));
            queue.enqueue(aCaller("danger").inTier(IMMEDIATE_RISK));
            queue.connect("danger");
            queue.pause("op1", OperativeState.BREAK, LEAD, "third hard call tonight");
            assertThat(queue.operative("op1").state()).isEqualTo(OperativeState.ON_CALL);

            queue.runFor(Duration.ofMinutes(3));
            queue.end("danger");

            assertThat(queue.operative("op1").state()).isEqualTo(OperativeState.BREAK);
        }

        @Test
        @DisplayName("a logged-off operative receives no calls")
        void offlineOperativesReceiveNoCalls() {
            queue.logOn(anOperative("op1"));
            queue.logOff("op1");

            Outcome joined = queue.enqueue(aCaller("danger").inTier(IMMEDIATE_RISK));

            assertThat(only(OperativeAssigned.class, joined)).isEmpty();
            assertThat(queue.operative("op1").state()).isEqualTo(OperativeState.OFFLINE);
        }
    }

    @Nested
    @DisplayName("Emotional load")
    class EmotionalLoad {
        @Test
        @DisplayName("among the operatives a call may go to, the lowest emotional load wins over the longest idle")
        void lowestEmotionalLoadWins() {
            queue.logOn(anOperative("op1"));
            handleTierOneCall("d1", "op1", Duration.ofMinutes(10));
            queue.ready("op1");
            queue.advance(Duration.ofMinutes(1));
            queue.logOn(anOperative("op2"));
            assertThat(queue.operative("op1").idleSince()).isBefore(queue.operative("op2").idleSince());

            Outcome outcome = queue.enqueue(aCaller("d2").inTier(IMMEDIATE_RISK));

            assertThat(assignmentOf("d2", outcome.events()).operative()).isEqualTo(OperativeId.of("op2"));
        }

        @Test
        @DisplayName("between equal loads the operative idle longest wins")
        void tiesGoToTheLongestIdle() {
            queue.logOn(anOperative("op-b"));
            queue.advanceSeconds(1);
            queue.logOn(anOperative("op-a"));

            Outcome outcome = queue.enqueue(aCaller("danger").inTier(IMMEDIATE_RISK));

            assertThat(assignmentOf("danger", outcome.events()).operative()).isEqualTo(OperativeId.of("op-b"));
        }

        @Test
        @DisplayName("loads and the choice they make survive days of running (the load epoch moves forward)")
        void loadSurvivesTheEpochMovingForward() {
            QueueHarness q = QueueHarness.withSettings("dispatch.tier-one-reserve", "0");
            q.logOn(anOperative("heavy"));
            q.enqueue(aCaller("long").inTier(IMMEDIATE_RISK));
            q.talk("long", Duration.ofMinutes(40));
            q.logOn(anOperative("light"));
            q.enqueue(aCaller("short").inTier(SUPPORT));
            assertThat(q.operativeOf("short")).isEqualTo("light");
            q.talk("short", Duration.ofMinutes(5));
            q.runFor(Duration.ofDays(6));
            q.ready("heavy");
            double heavy = q.core().loadOf(OperativeId.of("heavy"));
            double light = q.core().loadOf(OperativeId.of("light"));

            Outcome outcome = q.enqueue(aCaller("danger").inTier(IMMEDIATE_RISK));

            // Six days is 72 half-lives: both loads are tiny, but still in the ratio of the work done.
            assertThat(heavy / light).isCloseTo((3 * 2400.0) / 300.0 * Math.pow(2, -5.0 / 120), within(1e-6));
            assertThat(assignmentOf("danger", outcome.events()).operative()).isEqualTo(OperativeId.of("light"));
        }

        @Test
        @DisplayName("with load balancing switched off the longest idle wins whatever the load")
        void loadBalancingCanBeSwitchedOff() {
            QueueHarness idle = QueueHarness.withSettings("dispatch.balance-emotional-load", "false");
            idle.logOn(anOperative("op1"));
            idle.enqueue(aCaller("d1").inTier(IMMEDIATE_RISK));
            idle.talk("d1", Duration.ofMinutes(10));
            idle.ready("op1");
            idle.advance(Duration.ofMinutes(1));
            idle.logOn(anOperative("op2"));

            Outcome outcome = idle.enqueue(aCaller("d2").inTier(IMMEDIATE_RISK));

            assertThat(assignmentOf("d2", outcome.events()).operative()).isEqualTo(OperativeId.of("op1"));
        }

        @Test
        @DisplayName("load is handled time weighted by tier: x3 for tier 1, x2 for tier 2, x1 for tier 3")
        void loadIsWeightedByTier() {
            assertThat(loadAfterTenMinutesOf(IMMEDIATE_RISK)).isCloseTo(3 * 600.0, within(1e-6));
            assertThat(loadAfterTenMinutesOf(CRISIS)).isCloseTo(2 * 600.0, within(1e-6));
            assertThat(loadAfterTenMinutesOf(SUPPORT)).isCloseTo(600.0, within(1e-6));
        }

        private double loadAfterTenMinutesOf(Tier tier) {
            QueueHarness q = QueueHarness.withSettings("dispatch.tier-one-reserve", "0");
            q.logOn(anOperative("op1"));
            q.enqueue(aCaller("call").inTier(tier));
            q.talk("call", Duration.ofMinutes(10));
            return q.core().loadOf(OperativeId.of("op1"));
        }

        @Test
        @DisplayName("load halves every 2 hours, and a new call adds to what is left of the old")
        void loadDecaysWithTheHalfLife() {
            QueueHarness q = QueueHarness.withSettings("dispatch.tier-one-reserve", "0");
            q.logOn(anOperative("op1"));
            q.enqueue(aCaller("crisis").inTier(CRISIS));
            q.talk("crisis", Duration.ofMinutes(10));
            OperativeId op1 = OperativeId.of("op1");

            assertThat(q.core().loadOf(op1)).isCloseTo(1200.0, within(1e-6));
            q.runFor(Duration.ofHours(2));
            assertThat(q.core().loadOf(op1)).isCloseTo(600.0, within(1e-6));
            q.runFor(Duration.ofHours(2));
            assertThat(q.core().loadOf(op1)).isCloseTo(300.0, within(1e-6));

            q.enqueue(aCaller("support").inTier(SUPPORT));
            q.talk("support", Duration.ofHours(2));
            // The old 300 halved during the two-hour call; the call itself adds 7200 weighted seconds.
            assertThat(q.core().loadOf(op1)).isCloseTo(150.0 + 7200.0, within(1e-6));
        }
    }
}
