package org.crisisline.queue.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.crisisline.queue.model.Tier.CHECK_IN;
import static org.crisisline.queue.model.Tier.CRISIS;
import static org.crisisline.queue.model.Tier.IMMEDIATE_RISK;
import static org.crisisline.queue.model.Tier.SUPPORT;
import static org.crisisline.queue.testing.CallerBuilder.aCaller;
import static org.crisisline.queue.testing.OperativeBuilder.anOperative;
import static org.crisisline.queue.testing.QueueHarness.LEAD;
import static org.crisisline.queue.testing.QueueHarness.OPERATIVE;
import static org.crisisline.queue.testing.QueueHarness.only;
import static org.crisisline.queue.testing.QueueHarness.typesOf;

import java.time.Duration;
import org.crisisline.queue.event.Outcome;
import org.crisisline.queue.event.QueueEvent.AlertReason;
import org.crisisline.queue.event.QueueEvent.ClinicalLeadAlerted;
import org.crisisline.queue.event.QueueEvent.CallerRetiered;
import org.crisisline.queue.event.QueueEvent.OperativeAssigned;
import org.crisisline.queue.event.QueueEvent.OperativeStateChanged;
import org.crisisline.queue.event.QueueEvent.OverrideRecorded;
import org.crisisline.queue.model.CallState;
import org.crisisline.queue.model.OperativeState;
import org.crisisline.queue.testing.QueueHarness;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** DOMAIN.md, "What clinical leads watch": a lead may override the policy, and every override says who and why. */
@DisplayName("Clinical leads' overrides")
class LeadOverridesTest {
    private final QueueHarness queue = QueueHarness.withDefaults();

    private static Outcome.Rejection reasonOf(Outcome outcome) {
        assertThat(outcome).isInstanceOf(Outcome.Rejected.class);
        assertThat(outcome.events()).isEmpty();
        return ((Outcome.Rejected) outcome).reason();
    }

    @Nested
    @DisplayName("Sending someone on a break")
    class Pause {
        @Test
        @DisplayName("a lead's pause is recorded with who, what and why")
        void leadPauseIsRecorded() {
            queue.logOn(anOperative("op1"));

            Outcome outcome = queue.pause("op1", OperativeState.BREAK, LEAD, "three tier-1 calls in an hour");

            assertThat(typesOf(outcome)).containsExactly(OperativeStateChanged.class, OverrideRecorded.class);
            assertThat(only(OverrideRecorded.class, outcome)).singleElement().satisfies(o -> {
                assertThat(o.by()).isEqualTo(LEAD);
                assertThat(o.action()).isEqualTo("pause:BREAK");
                assertThat(o.target()).isEqualTo("op1");
                assertThat(o.reason()).isEqualTo("three tier-1 calls in an hour");
                assertThat(o.at()).isEqualTo(queue.now());
            });
        }

        @Test
        @DisplayName("an operative's own rota break is not an override")
        void ownBreakIsNotAnOverride() {
            queue.logOn(anOperative("op1"));

            Outcome outcome = queue.pause("op1", OperativeState.SUPERVISION, OPERATIVE, "rota");

            assertThat(only(OverrideRecorded.class, outcome)).isEmpty();
            assertThat(queue.operative("op1").state()).isEqualTo(OperativeState.SUPERVISION);
        }

        @Test
        @DisplayName("a break a lead asked for while the operative was being rung is kept when they do not answer")
        void leadsBreakSurvivesAnUnansweredOffer() {
            queue.logOn(anOperative("op1"));
            queue.enqueue(aCaller("danger").inTier(IMMEDIATE_RISK));
            assertThat(queue.operative("op1").state()).isEqualTo(OperativeState.RESERVED);
            queue.pause("op1", OperativeState.BREAK, LEAD, "overloaded");

            queue.notAnswered("danger");

            assertThat(queue.operative("op1").state()).isEqualTo(OperativeState.BREAK);
        }

        @Test
        @DisplayName("a log-off asked for while being rung is kept when the operative does not answer")
        void logOffSurvivesAnUnansweredOffer() {
            queue.logOn(anOperative("op1"));
            queue.enqueue(aCaller("danger").inTier(IMMEDIATE_RISK));
            queue.logOff("op1");

            queue.notAnswered("danger");

            assertThat(queue.operative("op1").state()).isEqualTo(OperativeState.OFFLINE);
        }

        @Test
        @DisplayName("a pause that is not a break or supervision is refused")
        void pauseMustBeABreakOrSupervision() {
            queue.logOn(anOperative("op1"));

            assertThat(reasonOf(queue.pause("op1", OperativeState.ON_CALL, LEAD, "?")))
                    .isEqualTo(Outcome.Rejection.INVALID);
            assertThat(reasonOf(queue.pause("nobody", OperativeState.BREAK, LEAD, "?")))
                    .isEqualTo(Outcome.Rejection.UNKNOWN_OPERATIVE);
        }
    }

    @Nested
    @DisplayName("Taking a call")
    class TakeCall {
        @Test
        @DisplayName("a lead can have a particular waiting call answered now, whatever the policy says, and it is recorded")
        void leadTakesAWaitingCall() {
            queue.logOn(anOperative("op1"));
            queue.enqueue(aCaller("crisis").inTier(CRISIS));
            assertThat(queue.stateOf("crisis")).as("held by the tier-1 reserve").isEqualTo(CallState.WAITING);

            Outcome outcome = queue.takeCall("crisis", "op1", LEAD, "known caller, asked for op1");

            assertThat(typesOf(outcome)).containsExactly(OperativeStateChanged.class, OperativeAssigned.class,
                    OverrideRecorded.class);
            assertThat(only(OverrideRecorded.class, outcome)).singleElement().satisfies(o -> {
                assertThat(o.by()).isEqualTo(LEAD);
                assertThat(o.action()).isEqualTo("take-call");
                assertThat(o.target()).isEqualTo("crisis->op1");
                assertThat(o.reason()).isEqualTo("known caller, asked for op1");
            });
            assertThat(queue.operativeOf("crisis")).isEqualTo("op1");
        }

        @Test
        @DisplayName("a lead in supervision can take a call themselves")
        void leadInSupervisionTakesACall() {
            queue.logOn(anOperative("lead-ann").clinicalLead());
            queue.pause("lead-ann", OperativeState.SUPERVISION, LEAD, "supervising");
            queue.enqueue(aCaller("danger").inTier(IMMEDIATE_RISK));

            Outcome outcome = queue.takeCall("danger", "lead-ann", LEAD, "I'll take this one");

            assertThat(only(OperativeAssigned.class, outcome)).hasSize(1);
        }

        @Test
        @DisplayName("a call not waiting, an operative on a break or an unknown operative is refused")
        void takeCallIsRefusedWhenItCannotHappen() {
            queue.logOn(anOperative("op1"));
            queue.logOn(anOperative("op2"));
            queue.pause("op2", OperativeState.BREAK, OPERATIVE, "rota");
            queue.enqueue(aCaller("danger").inTier(IMMEDIATE_RISK));
            queue.enqueue(aCaller("crisis").inTier(CRISIS));

            assertThat(reasonOf(queue.takeCall("danger", "op1", LEAD, "?"))).isEqualTo(Outcome.Rejection.WRONG_STATE);
            assertThat(reasonOf(queue.takeCall("crisis", "op2", LEAD, "?"))).isEqualTo(Outcome.Rejection.WRONG_STATE);
            assertThat(reasonOf(queue.takeCall("crisis", "nobody", LEAD, "?")))
                    .isEqualTo(Outcome.Rejection.UNKNOWN_OPERATIVE);
            assertThat(reasonOf(queue.takeCall("no-call", "op1", LEAD, "?"))).isEqualTo(Outcome.Rejection.UNKNOWN_CALL);
        }
    }

    @Nested
    @DisplayName("Re-tiering")
    class Retier {
        @Test
        @DisplayName("a lead's re-tier is recorded as an override with who and why")
        void leadRetierIsRecorded() {
            queue.enqueue(aCaller("c1").inTier(CRISIS));

            Outcome outcome = queue.retier("c1", IMMEDIATE_RISK, LEAD, "known high risk");

            assertThat(typesOf(outcome)).containsExactly(CallerRetiered.class, OverrideRecorded.class);
            assertThat(only(CallerRetiered.class, outcome)).singleElement().satisfies(r -> {
                assertThat(r.from()).isEqualTo(CRISIS);
                assertThat(r.to()).isEqualTo(IMMEDIATE_RISK);
                assertThat(r.by()).isEqualTo(LEAD);
                assertThat(r.reason()).isEqualTo("known high risk");
            });
            assertThat(only(OverrideRecorded.class, outcome)).singleElement().satisfies(o -> {
                assertThat(o.action()).isEqualTo("retier:" + IMMEDIATE_RISK);
                assertThat(o.target()).isEqualTo("c1");
            });
        }

        @Test
        @DisplayName("a caller moved into tier 1 after waiting past its target alerts the lead at once")
        void retierIntoTierOnePastTheTargetAlertsTheLead() {
            queue.enqueue(aCaller("c1").inTier(CRISIS));
            queue.advanceSeconds(45);

            Outcome outcome = queue.retier("c1", IMMEDIATE_RISK, LEAD, "known high risk");

            assertThat(only(ClinicalLeadAlerted.class, outcome)).singleElement()
                    .satisfies(a -> assertThat(a.reason()).isEqualTo(AlertReason.TIER_ONE_WAITING_PAST_TARGET));
        }

        @Test
        @DisplayName("an operative's re-tier during triage is recorded, but is not an override")
        void operativeRetierIsNotAnOverride() {
            queue.logOn(anOperative("op1"));
            queue.enqueue(aCaller("danger").inTier(IMMEDIATE_RISK));
            queue.connect("danger");

            Outcome outcome = queue.retier("danger", SUPPORT, OPERATIVE, "housing advice");

            assertThat(typesOf(outcome)).containsExactly(CallerRetiered.class);
            queue.runFor(Duration.ofMinutes(5));
            queue.end("danger");
            // A support call needs no recovery time.
            assertThat(queue.operative("op1").state()).isEqualTo(OperativeState.AVAILABLE);
        }

        @Test
        @DisplayName("nobody can be re-tiered into the check-in tier, and an ended call cannot be re-tiered")
        void impossibleRetiersAreRefused() {
            queue.enqueue(aCaller("c1").inTier(CRISIS));
            assertThat(reasonOf(queue.retier("c1", CHECK_IN, LEAD, "?"))).isEqualTo(Outcome.Rejection.INVALID);

            queue.end("c1");
            assertThat(reasonOf(queue.retier("c1", SUPPORT, LEAD, "?"))).isEqualTo(Outcome.Rejection.CALL_ENDED);
        }
    }
}
