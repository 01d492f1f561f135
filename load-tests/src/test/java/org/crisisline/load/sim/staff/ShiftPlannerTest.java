package org.crisisline.load.sim.staff;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.crisisline.load.sim.callers.SimulatedDay;
import org.crisisline.load.sim.day.DayFileReader;
import org.crisisline.load.sim.day.DaySpec;
import org.crisisline.queue.model.Language;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The shift planner")
class ShiftPlannerTest {
    private static final DaySpec DAY = DayFileReader.readReference();
    private static final Instant MIDNIGHT = SimulatedDay.MIDNIGHT;
    private static final int HOURS = 48;
    private final HourlyRota rota = new HourlyRota(DAY.rota().operativesPerHour());
    private final StaffPlan plan = new ShiftPlanner(DAY.rota()).plan(rota, MIDNIGHT, HOURS);

    @Test
    @DisplayName("puts exactly the rota's number of operatives on shift in every hour, the day repeating")
    void staffsEveryHourAsTheRotaSays() {
        for (int hour = 0; hour < HOURS; hour++) {
            assertThat(onShift(hour)).as("hour %d", hour).hasSize(rota.operativesAt(hour));
        }
    }

    @Test
    @DisplayName("keeps the clinical share of every hour, rounded")
    void keepsTheClinicalShare() {
        for (int hour = 0; hour < DaySpec.HOURS; hour++) {
            long clinical = onShift(hour).stream().filter(s -> s.skills().clinical()).count();
            assertThat(clinical).as("hour %d", hour).isEqualTo(Math.round(0.3 * rota.operativesAt(hour)));
        }
    }

    @Test
    @DisplayName("has a speaker of each language on shift at every hour")
    void languagesAreAlwaysCovered() {
        for (int hour = 0; hour < HOURS; hour++) {
            for (Language language : DAY.rota().languageSkills().keySet()) {
                assertThat(onShift(hour)).as("hour %d, %s", hour, language)
                        .filteredOn(s -> s.skills().speaks(language)).hasSize(1);
            }
        }
    }

    @Test
    @DisplayName("hands long positions over so that no shift is longer than the shift length")
    void shiftsAreNoLongerThanTheShiftLength() {
        Duration longest = DAY.rota().shiftLength();

        assertThat(plan.shifts()).allMatch(s -> Duration.between(s.start(), s.end()).compareTo(longest) <= 0);
        assertThat(plan.shifts()).extracting(Shift::operative).doesNotHaveDuplicates();
    }

    @Test
    @DisplayName("places breaks every two hours inside each shift")
    void breaksFallInsideShifts() {
        for (Shift shift : plan.shifts()) {
            for (int i = 0; i < shift.breaks().size(); i++) {
                Instant at = shift.breaks().get(i);
                assertThat(at).isEqualTo(shift.start().plus(Duration.ofHours(2L * (i + 1))));
                assertThat(at.plus(DAY.rota().breakLength())).isBeforeOrEqualTo(shift.end());
            }
        }
        assertThat(plan.shifts()).anyMatch(s -> s.breaks().size() == 3);
    }

    @Test
    @DisplayName("scales a rota hour by hour, rounding, and counts its staff-hours")
    void scalesTheRota() {
        HourlyRota scaled = rota.scaled(1.5);

        assertThat(rota.staffHours()).isEqualTo(205);
        assertThat(scaled.operativesPerHour()).startsWith(9, 8, 8, 6);
        assertThat(scaled.staffHours()).isEqualTo(scaled.operativesPerHour().stream().mapToInt(i -> i).sum());
    }

    @Test
    @DisplayName("gives the core the same rota as one-hour blocks")
    void coreRotaMatches() {
        for (int hour = 0; hour < HOURS; hour++) {
            assertThat(plan.coreRota().operativesAt(MIDNIGHT.plus(Duration.ofHours(hour)).plusSeconds(1)))
                    .isEqualTo(rota.operativesAt(hour));
        }
    }

    private List<Shift> onShift(int hour) {
        Instant at = MIDNIGHT.plus(Duration.ofHours(hour)).plusSeconds(1);
        return plan.shifts().stream().filter(s -> !at.isBefore(s.start()) && at.isBefore(s.end())).toList();
    }
}
