package org.crisisline.load.sim.callers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.crisisline.load.sim.Seconds;
import org.crisisline.load.sim.day.DayFileReader;
import org.crisisline.load.sim.day.DaySpec;
import org.crisisline.queue.model.Tier;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The caller generator")
class CallerGeneratorTest {
    private static final DaySpec DAY = DayFileReader.readReference();
    private static final CallerGenerator GENERATOR = new CallerGenerator(DAY, 3);
    /** Enough days for averages to settle within a few percent. */
    private static final List<SimulatedDay> MANY_DAYS = CallerGenerator.daySeeds(1, 60).stream()
            .map(GENERATOR::generate).toList();

    @Test
    @DisplayName("draws the same day from the same seed, and another from another seed")
    void sameSeedSameDay() {
        assertThat(GENERATOR.generate(42)).isEqualTo(GENERATOR.generate(42));
        assertThat(GENERATOR.generate(42)).isNotEqualTo(GENERATOR.generate(43));
    }

    @Test
    @DisplayName("derives the days' seeds from the file's seed, the same every time")
    void daySeedsAreDerived() {
        List<Long> seeds = CallerGenerator.daySeeds(DAY.seed(), 20);

        assertThat(seeds).hasSize(20).doesNotHaveDuplicates().isEqualTo(CallerGenerator.daySeeds(DAY.seed(), 20));
        assertThat(CallerGenerator.daySeeds(DAY.seed(), 5)).isEqualTo(seeds.subList(0, 5));
    }

    @Test
    @DisplayName("brings callers in time order within the day, about as many per hour as the file says")
    void arrivalsFollowTheHourlyRates() {
        List<SimulatedCaller> callers = GENERATOR.generate(7).callers();
        Instant midnight = SimulatedDay.MIDNIGHT;

        assertThat(callers).extracting(SimulatedCaller::arrives).isSorted()
                .allMatch(t -> !t.isBefore(midnight) && t.isBefore(midnight.plus(Duration.ofDays(1))));
        double expected = DAY.arrivalsPerHour().stream().mapToDouble(Double::doubleValue).sum();
        double mean = MANY_DAYS.stream().mapToInt(d -> d.callers().size()).average().orElseThrow();
        assertThat(mean).isCloseTo(expected, within(expected * 0.03));
    }

    @Test
    @DisplayName("draws lognormal talk times whose mean, not median, is the file's mean")
    void talkTimesHaveTheFileMean() {
        for (Tier tier : List.of(Tier.IMMEDIATE_RISK, Tier.CRISIS, Tier.SUPPORT)) {
            double mean = MANY_DAYS.stream().flatMap(d -> d.callers().stream())
                    .filter(c -> c.tier() == tier)
                    .mapToDouble(c -> Seconds.of(c.talkTime())).average().orElseThrow();
            double fileMean = DAY.talkTime().get(tier).mean();
            assertThat(mean).as("tier %s", tier).isCloseTo(fileMean, within(fileMean * 0.05));
        }
    }

    @Test
    @DisplayName("mixes tiers as the file says")
    void tierMixFollowsTheFile() {
        List<SimulatedCaller> everyone = MANY_DAYS.stream().flatMap(d -> d.callers().stream()).toList();
        long tierOne = everyone.stream().filter(c -> c.tier() == Tier.IMMEDIATE_RISK).count();

        assertThat((double) tierOne / everyone.size()).isCloseTo(0.10, within(0.01));
    }

    @Test
    @DisplayName("spreads the check-ins evenly over their hours")
    void checkInsAreSpreadEvenly() {
        List<SimulatedCheckIn> checkIns = GENERATOR.generate(7).checkIns();
        Instant ten = SimulatedDay.MIDNIGHT.plus(Duration.ofHours(10));

        assertThat(checkIns).hasSize(40);
        Duration halfGap = Duration.ofMinutes(7).plusSeconds(30);
        assertThat(checkIns.get(0).due()).isEqualTo(ten.plus(halfGap));
        assertThat(checkIns.get(39).due()).isEqualTo(ten.plus(Duration.ofHours(10)).minus(halfGap));
        assertThat(checkIns).extracting(SimulatedCheckIn::seriesId).doesNotHaveDuplicates();
    }

    @Test
    @DisplayName("draws ring times within the configured bounds")
    void ringTimesWithinBounds() {
        DaySpec.RingTimes ring = DAY.ringing();

        assertThat(GENERATOR.generate(7).callers()).extracting(c -> c.pickup().operativeRing())
                .allMatch(d -> d.compareTo(ring.operativeMin()) >= 0 && d.compareTo(ring.operativeMax()) <= 0);
    }
}
