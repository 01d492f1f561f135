package org.crisisline.server.pathway.cafe;

import static java.time.DayOfWeek.FRIDAY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;
import static org.crisisline.server.pathway.testing.CafeBuilder.aCafe;
import static org.crisisline.server.pathway.testing.Times.london;

import java.time.Instant;
import java.time.LocalDate;
import org.crisisline.server.pathway.Result;
import org.crisisline.server.pathway.hours.Session;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Signposts are counted per café per evening")
class SignpostTallyTest {
    private final Cafe cafe = aCafe("late").open(FRIDAY, "18:00", "02:00").capacity(1).build();
    private final Instant saturdayOneAm = london("2026-11-28T01:00");
    private final Session fridayNight = cafe.hours().sessionAt(saturdayOneAm).orElseThrow();

    @Test
    @DisplayName("a signpost after midnight counts on the evening the session opened")
    void countsOnTheServiceDate() {
        Result<SignpostTally> result = SignpostTally.empty().record(cafe, fridayNight, saturdayOneAm);

        assertThat(result.events()).singleElement().isEqualTo(
                new CafeSignposted(cafe.id(), LocalDate.parse("2026-11-27"), 1, saturdayOneAm));
        assertThat(result.orElseThrow().count(cafe.id(), LocalDate.parse("2026-11-27"))).isEqualTo(1);
        assertThat(result.orElseThrow().count(cafe.id(), LocalDate.parse("2026-11-28"))).isZero();
        assertThat(result.orElseThrow().countsOn(LocalDate.parse("2026-11-27"))).containsExactly(entry(cafe.id(), 1));
        assertThat(result.orElseThrow().countsOn(LocalDate.parse("2026-11-28"))).isEmpty();
    }

    @Test
    @DisplayName("beyond capacity is refused, so two operatives cannot both take the last place")
    void beyondCapacityRefused() {
        SignpostTally full = SignpostTally.empty().record(cafe, fridayNight, saturdayOneAm).orElseThrow();

        assertThat(full.record(cafe, fridayNight, saturdayOneAm)).isInstanceOfSatisfying(Result.Rejected.class,
                no -> assertThat(no.reason()).contains("full"));
    }
}
