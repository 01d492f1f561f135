package org.crisisline.queue.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.crisisline.queue.testing.OperativeBuilder.anOperative;
import static org.crisisline.queue.testing.QueueHarness.LEAD;
import static org.crisisline.queue.testing.QueueHarness.START;
import static org.crisisline.queue.testing.QueueHarness.only;
import static org.crisisline.queue.testing.QueueHarness.typesOf;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.crisisline.queue.callback.CheckInPlan;
import org.crisisline.queue.event.Outcome;
import org.crisisline.queue.event.QueueEvent;
import org.crisisline.queue.event.QueueEvent.AlertReason;
import org.crisisline.queue.event.QueueEvent.CallbackDue;
import org.crisisline.queue.event.QueueEvent.CallbackEscalated;
import org.crisisline.queue.event.QueueEvent.CheckInScheduled;
import org.crisisline.queue.event.QueueEvent.CheckInScreened;
import org.crisisline.queue.event.QueueEvent.CheckInSeriesEnded;
import org.crisisline.queue.event.QueueEvent.CheckInSeriesScheduled;
import org.crisisline.queue.event.QueueEvent.CheckInSeriesShortened;
import org.crisisline.queue.event.QueueEvent.ClinicalLeadAlerted;
import org.crisisline.queue.event.QueueEvent.OperativeAssigned;
import org.crisisline.queue.event.QueueEvent.OverrideRecorded;
import org.crisisline.queue.event.QueueEvent.ScreenResult;
import org.crisisline.queue.model.CallId;
import org.crisisline.queue.model.CallKind;
import org.crisisline.queue.model.CallState;
import org.crisisline.queue.model.CallerRef;
import org.crisisline.queue.model.CheckInRef;
import org.crisisline.queue.model.Language;
import org.crisisline.queue.model.OperativeState;
import org.crisisline.queue.model.Tier;
import org.crisisline.queue.testing.QueueHarness;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * DOMAIN.md, "Check-in calls": weekly calls to someone on a CMHT waiting list, each joining the queue
 * a window (15 min) before it is due; a short deterioration screen; a series that ends by plan and
 * with notice. Two operatives are on shift, so the tier-1 reserve never holds a check-in back.
 */
@DisplayName("Check-in calls")
class CheckInRulesTest {
    private static final Instant FIRST_DUE = START.plus(Duration.ofHours(2));
    private static final Duration WEEK = Duration.ofDays(7);
    private static final CheckInPlan PLAN = new CheckInPlan("series-1", new CallerRef("person-1"), Language.ENGLISH,
            false, FIRST_DUE, WEEK, 4);

    private final QueueHarness queue = QueueHarness.withDefaults();
    private final List<QueueEvent> history = new ArrayList<>();

    private static String call(int number) {
        return "series-1/check-in-" + number;
    }

    @BeforeEach
    void twoOperativesOnShift() {
        queue.logOn(anOperative("op1"));
        queue.logOn(anOperative("op2"));
    }

    /** Runs to the check-in's window, lets it be answered, talks and ends it. */
    private void makeCall(int number) {
        history.addAll(queue.runUntil(PLAN.dueOf(number).minus(Duration.ofMinutes(15))));
        assertThat(queue.stateOf(call(number))).isEqualTo(CallState.OFFERED);
        history.addAll(queue.talk(call(number), Duration.ofMinutes(10)));
    }

    @Test
    @DisplayName("scheduling a series schedules its first call, off the line until its window opens")
    void schedulingASeriesSchedulesTheFirstCall() {
        Outcome outcome = queue.scheduleCheckIns(PLAN);

        assertThat(typesOf(outcome)).containsExactly(CheckInSeriesScheduled.class, CheckInScheduled.class);
        assertThat(only(CheckInSeriesScheduled.class, outcome)).singleElement().satisfies(s -> {
            assertThat(s.firstDue()).isEqualTo(FIRST_DUE);
            assertThat(s.interval()).isEqualTo(WEEK);
            assertThat(s.plannedCalls()).isEqualTo(4);
        });
        assertThat(only(CheckInScheduled.class, outcome)).singleElement().satisfies(s -> {
            assertThat(s.call()).isEqualTo(CallId.of(call(1)));
            assertThat(s.due()).isEqualTo(FIRST_DUE);
            assertThat(s.checkIn()).isEqualTo(new CheckInRef("series-1", 1, 4, false));
        });
        assertThat(queue.stateOf(call(1))).isEqualTo(CallState.SCHEDULED);
        assertThat(queue.call(call(1)).tier()).isEqualTo(Tier.CHECK_IN);
        assertThat(queue.waitingInOrder()).isEmpty();
    }

    @Test
    @DisplayName("a check-in enters the queue 15 min before it is due and is called agent-first")
    void checkInEntersTheQueueAWindowBeforeDue() {
        queue.scheduleCheckIns(PLAN);
        Instant opens = FIRST_DUE.minus(Duration.ofMinutes(15));

        assertThat(only(CallbackDue.class, queue.runUntil(opens.minusSeconds(1)))).isEmpty();
        assertThat(queue.stateOf(call(1))).isEqualTo(CallState.SCHEDULED);
        List<QueueEvent> events = queue.runFor(1);

        assertThat(only(CallbackDue.class, events)).singleElement().satisfies(d -> {
            assertThat(d.at()).isEqualTo(opens);
            assertThat(d.kind()).isEqualTo(CallKind.CHECK_IN);
        });
        assertThat(only(OperativeAssigned.class, events)).singleElement()
                .satisfies(a -> assertThat(a.kind()).isEqualTo(CallKind.CHECK_IN));
    }

    @Test
    @DisplayName("a check-in not tried by the end of its window (due + 15 min) alerts the clinical lead")
    void checkInNotTriedInItsWindowAlertsTheLead() {
        queue.pause("op1", OperativeState.SUPERVISION, LEAD, "case review");
        queue.pause("op2", OperativeState.SUPERVISION, LEAD, "case review");
        queue.scheduleCheckIns(PLAN);

        List<QueueEvent> events = queue.runUntil(FIRST_DUE.plus(Duration.ofMinutes(15)));

        assertThat(only(ClinicalLeadAlerted.class, events)).singleElement().satisfies(a -> {
            assertThat(a.reason()).isEqualTo(AlertReason.CALLBACK_OVERDUE);
            assertThat(a.at()).isEqualTo(FIRST_DUE.plus(Duration.ofMinutes(15)));
        });
    }

    @Test
    @DisplayName("a series runs call by call, the last two calls give notice, and it ends with an event")
    void seriesEndsByPlanWithNotice() {
        history.addAll(queue.scheduleCheckIns(PLAN).events());
        for (int n = 1; n <= 4; n++) {
            makeCall(n);
        }

        assertThat(only(CheckInScheduled.class, history)).extracting(CheckInScheduled::checkIn).containsExactly(
                new CheckInRef("series-1", 1, 4, false), new CheckInRef("series-1", 2, 4, false),
                new CheckInRef("series-1", 3, 4, true), new CheckInRef("series-1", 4, 4, true));
        assertThat(only(CheckInScheduled.class, history)).extracting(CheckInScheduled::due)
                .containsExactly(FIRST_DUE, FIRST_DUE.plus(WEEK), FIRST_DUE.plus(WEEK.multipliedBy(2)),
                        FIRST_DUE.plus(WEEK.multipliedBy(3)));
        assertThat(only(CheckInSeriesEnded.class, history)).singleElement().satisfies(e -> {
            assertThat(e.seriesId()).isEqualTo("series-1");
            assertThat(e.callsMade()).isEqualTo(4);
        });
        assertThat(queue.core().snapshot(10).otherOpen()).isEmpty();
    }

    @Test
    @DisplayName("a deteriorated screen makes the call a tier-2 crisis call")
    void deteriorationEscalatesToTierTwo() {
        queue.scheduleCheckIns(PLAN);
        queue.runUntil(FIRST_DUE.minus(Duration.ofMinutes(15)));
        queue.connect(call(1));
        String operative = queue.operativeOf(call(1));

        Outcome screened = queue.core().screenCheckIn(CallId.of(call(1)), ScreenResult.DETERIORATED);

        assertThat(only(CheckInScreened.class, screened)).singleElement()
                .satisfies(s -> assertThat(s.result()).isEqualTo(ScreenResult.DETERIORATED));
        assertThat(queue.call(call(1)).tier()).isEqualTo(Tier.CRISIS);
        assertThat(only(ClinicalLeadAlerted.class, screened)).isEmpty();

        queue.runFor(Duration.ofMinutes(10));
        queue.end(call(1));
        // Treated as a crisis call from now on: tier-2 recovery time.
        assertThat(queue.operative(operative).state()).isEqualTo(OperativeState.RECOVERY);
        assertThat(queue.operative(operative).recoveryUntil()).isEqualTo(queue.now().plusSeconds(120));
    }

    @Test
    @DisplayName("an urgent screen alerts a clinical lead to join the call")
    void urgentScreenAlertsALead() {
        queue.scheduleCheckIns(PLAN);
        queue.runUntil(FIRST_DUE.minus(Duration.ofMinutes(15)));
        queue.connect(call(1));

        Outcome screened = queue.core().screenCheckIn(CallId.of(call(1)), ScreenResult.URGENT);

        assertThat(only(ClinicalLeadAlerted.class, screened)).singleElement().satisfies(a -> {
            assertThat(a.reason()).isEqualTo(AlertReason.CHECK_IN_DETERIORATION);
            assertThat(a.call()).contains(CallId.of(call(1)));
            assertThat(a.operative()).isPresent();
        });
        assertThat(queue.call(call(1)).tier()).isEqualTo(Tier.IMMEDIATE_RISK);
    }

    @Test
    @DisplayName("a screen is refused before the call is connected")
    void screenIsRefusedOutsideACall() {
        queue.scheduleCheckIns(PLAN);

        Outcome outcome = queue.core().screenCheckIn(CallId.of(call(1)), ScreenResult.STABLE);

        assertThat(outcome).isInstanceOfSatisfying(Outcome.Rejected.class,
                r -> assertThat(r.reason()).isEqualTo(Outcome.Rejection.WRONG_STATE));
    }

    @Test
    @DisplayName("shortening a series makes the next call the last one, with notice, and the series ends after it")
    void shorteningMakesTheNextCallTheLast() {
        history.addAll(queue.scheduleCheckIns(PLAN).events());
        makeCall(1);

        Outcome shortened = queue.core().shortenCheckIns("series-1", LEAD, "therapy starts next month");

        assertThat(typesOf(shortened)).containsExactly(CheckInSeriesShortened.class, OverrideRecorded.class);
        assertThat(only(CheckInSeriesShortened.class, shortened)).singleElement().satisfies(s -> {
            assertThat(s.lastCall()).isEqualTo(2);
            assertThat(s.by()).isEqualTo(LEAD);
            assertThat(s.reason()).isEqualTo("therapy starts next month");
        });
        assertThat(only(OverrideRecorded.class, shortened)).singleElement().satisfies(o -> {
            assertThat(o.by()).isEqualTo(LEAD);
            assertThat(o.target()).isEqualTo("series-1");
        });
        assertThat(queue.call(call(2)).checkIn()).contains(new CheckInRef("series-1", 2, 2, true));

        makeCall(2);

        assertThat(only(CheckInSeriesEnded.class, history)).singleElement()
                .satisfies(e -> assertThat(e.callsMade()).isEqualTo(2));
        assertThat(queue.isOpen(call(3))).isFalse();
        assertThat(queue.runFor(WEEK.multipliedBy(5))).noneMatch(e -> e instanceof CheckInScheduled);
    }

    @Test
    @DisplayName("a check-in that is unreachable after every try is escalated, and the series goes on")
    void unreachableCheckInIsEscalatedAndTheSeriesContinues() {
        history.addAll(queue.scheduleCheckIns(PLAN).events());
        history.addAll(queue.runUntil(FIRST_DUE.minus(Duration.ofMinutes(15))));
        for (int attempt = 1; attempt <= 3; attempt++) {
            assertThat(queue.stateOf(call(1))).isEqualTo(CallState.OFFERED);
            history.addAll(queue.unreachable(call(1)).events());
            history.addAll(queue.runFor(Duration.ofMinutes(10)));
        }

        assertThat(only(CallbackEscalated.class, history)).singleElement()
                .satisfies(e -> assertThat(e.tier()).isEqualTo(Tier.CHECK_IN));
        assertThat(queue.stateOf(call(2))).isEqualTo(CallState.SCHEDULED);
    }

    @Test
    @DisplayName("the same series scheduled twice changes nothing; another plan under the same id is refused")
    void seriesIdsAreUnique() {
        queue.scheduleCheckIns(PLAN);

        Outcome again = queue.scheduleCheckIns(PLAN);
        Outcome other = queue.scheduleCheckIns(new CheckInPlan("series-1", new CallerRef("person-2"),
                Language.ENGLISH, false, FIRST_DUE, WEEK, 2));

        assertThat(again.isApplied()).isTrue();
        assertThat(again.events()).isEmpty();
        assertThat(other).isInstanceOfSatisfying(Outcome.Rejected.class,
                r -> assertThat(r.reason()).isEqualTo(Outcome.Rejection.DUPLICATE_SERIES));
    }

    @Test
    @DisplayName("with only the reserved operative free, a check-in is held back only until the margin before its due time")
    void reserveReleasesACheckInJustBeforeItsDueTime() {
        QueueHarness single = QueueHarness.withDefaults();
        single.logOn(anOperative("op1"));
        single.scheduleCheckIns(PLAN);

        single.runUntil(FIRST_DUE.minusSeconds(6));
        assertThat(single.stateOf(call(1))).isEqualTo(CallState.WAITING);
        single.runUntil(FIRST_DUE.minusSeconds(5));

        assertThat(single.stateOf(call(1))).isEqualTo(CallState.OFFERED);
    }
}
