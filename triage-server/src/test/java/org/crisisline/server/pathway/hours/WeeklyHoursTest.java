package org.crisisline.server.pathway.hours;

import static java.time.DayOfWeek.FRIDAY;
import static java.time.DayOfWeek.MONDAY;
import static java.time.DayOfWeek.SATURDAY;
import static java.time.DayOfWeek.SUNDAY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.crisisline.server.pathway.testing.Times.london;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Weekly opening hours in Europe/London")
class WeeklyHoursTest {
    private final WeeklyHours fridayLate = WeeklyHours.inEngland(List.of(OpeningSpan.of(FRIDAY, "18:00", "02:00")));

    @Test
    @DisplayName("an overnight span from Friday still counts at 01:00 on Saturday, and is Friday's session")
    void overnightSpanCountsAfterMidnight() {
        Instant saturdayOneAm = london("2026-11-28T01:00");

        assertThat(fridayLate.sessionAt(saturdayOneAm)).hasValueSatisfying(session ->
                assertThat(session.serviceDate()).isEqualTo(LocalDate.parse("2026-11-27")));
        assertThat(fridayLate.isOpenAt(london("2026-11-28T02:00"))).as("closing time is exclusive").isFalse();
        assertThat(fridayLate.isOpenAt(london("2026-11-27T17:59"))).isFalse();
        assertThat(fridayLate.isOpenAt(london("2026-11-27T18:00"))).isTrue();
    }

    @Test
    @DisplayName("a dated closure removes the session that opens that day, including its small hours")
    void aClosureRemovesThatDaysSession() {
        WeeklyHours closed = fridayLate.withClosure(LocalDate.parse("2026-11-27"));

        assertThat(closed.isOpenAt(london("2026-11-27T20:00"))).isFalse();
        assertThat(closed.isOpenAt(london("2026-11-28T01:00"))).isFalse();
        assertThat(closed.isOpenAt(london("2026-12-04T20:00"))).as("the next Friday is open").isTrue();
    }

    @Test
    @DisplayName("18:00 stays 18:00 on the wall across the autumn change from BST to GMT")
    void wallClockHoursSurviveTheAutumnChange() {
        WeeklyHours evenings = WeeklyHours.inEngland(List.of(
                OpeningSpan.of(SATURDAY, "18:00", "23:00"), OpeningSpan.of(MONDAY, "18:00", "23:00")));
        // Clocks go back at 02:00 BST on Sunday 25 October 2026.
        Instant saturday1730Utc = Instant.parse("2026-10-24T17:30:00Z");
        Instant monday1730Utc = Instant.parse("2026-10-26T17:30:00Z");

        assertThat(evenings.isOpenAt(saturday1730Utc)).as("18:30 BST").isTrue();
        assertThat(evenings.isOpenAt(monday1730Utc)).as("17:30 GMT").isFalse();
        assertThat(evenings.sessionAt(Instant.parse("2026-10-26T18:00:00Z")).orElseThrow().start().toInstant())
                .isEqualTo(Instant.parse("2026-10-26T18:00:00Z"));
    }

    @Test
    @DisplayName("an overnight session across the spring change is an hour shorter and closes at 02:00 BST")
    void overnightAcrossTheSpringChange() {
        WeeklyHours saturdayLate = WeeklyHours.inEngland(List.of(OpeningSpan.of(SATURDAY, "20:00", "03:00")));
        // Clocks go forward at 01:00 GMT on Sunday 29 March 2026.
        Session session = saturdayLate.sessionAt(Instant.parse("2026-03-29T00:30:00Z")).orElseThrow();

        assertThat(Duration.between(session.start(), session.end())).isEqualTo(Duration.ofHours(6));
        assertThat(session.end().toInstant()).isEqualTo(Instant.parse("2026-03-29T02:00:00Z"));
    }

    @Test
    @DisplayName("an opening time skipped by the spring change moves later by the gap: 01:30 opens at 02:30 BST")
    void openingInTheSpringGap() {
        WeeklyHours small = WeeklyHours.inEngland(List.of(OpeningSpan.of(SUNDAY, "01:30", "04:00")));

        Session session = small.nextOpeningAfter(london("2026-03-28T12:00")).orElseThrow();

        assertThat(session.start().toInstant()).isEqualTo(Instant.parse("2026-03-29T01:30:00Z"));
    }

    @Test
    @DisplayName("the next opening looks past today to next week")
    void nextOpeningNextWeek() {
        assertThat(fridayLate.nextOpeningAfter(london("2026-11-27T18:00")).orElseThrow().start().toInstant())
                .isEqualTo(london("2026-12-04T18:00"));
    }

    @Test
    @DisplayName("a span that closes when it opens is refused as ambiguous")
    void zeroLengthSpanIsRefused() {
        assertThatThrownBy(() -> OpeningSpan.of(MONDAY, "09:00", "09:00")).hasMessageContaining("ambiguous");
    }
}
