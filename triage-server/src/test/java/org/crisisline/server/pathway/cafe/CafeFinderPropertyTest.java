package org.crisisline.server.pathway.cafe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.crisisline.server.pathway.testing.CafeBuilder.aCafe;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.crisisline.server.pathway.PostcodeDistrict;
import org.crisisline.server.pathway.Result;
import org.crisisline.server.pathway.config.PathwaySettingsReader;

@Label("The café finder, over any evening of signposting")
class CafeFinderPropertyTest {
    private static final PostcodeDistrict LS6 = PostcodeDistrict.ofSetting("test", "LS6");

    @Property(tries = 200)
    @Label("signposting the first offer each time never takes a café past its capacity, and spreads the load")
    void neverOverCapacity(@ForAll @IntRange(min = 1, max = 5) int capacityA, @ForAll @IntRange(min = 1, max = 5) int capacityB,
                           @ForAll @IntRange(min = 0, max = 20) int callers, @ForAll @IntRange(min = 0, max = 600) int startMinute) {
        Cafe a = aCafe("a").named("A").openEveryDay("18:00", "02:00").capacity(capacityA).build();
        Cafe b = aCafe("b").named("B").openEveryDay("18:00", "02:00").capacity(capacityB).build();
        CafeFinder finder = new CafeFinder(List.of(a, b), PathwaySettingsReader.defaults().cafe());
        Instant now = Instant.parse("2026-11-27T16:00:00Z").plus(Duration.ofMinutes(startMinute));
        SignpostTally tally = SignpostTally.empty();
        List<CafeOffer> first = new ArrayList<>();
        for (int i = 0; i < callers; i++) {
            List<CafeOffer> offers = finder.find(CafeNeeds.in(LS6), now, tally);
            offers.forEach(offer -> assertThat(offer.placesLeft()).isPositive());
            if (offers.isEmpty()) {
                break;
            }
            CafeOffer chosen = offers.get(0);
            Result<SignpostTally> recorded = tally.record(chosen.cafe(), chosen.session(), now);
            assertThat(recorded.isAccepted()).isTrue();
            tally = recorded.orElseThrow();
            first.add(chosen);
        }
        for (CafeOffer offer : first) {
            assertThat(tally.count(offer.cafe().id(), offer.session().serviceDate()))
                    .isLessThanOrEqualTo(offer.cafe().capacityPerEvening());
        }
        if (!first.isEmpty()) {
            var date = first.get(0).session().serviceDate();
            int countA = tally.count(a.id(), date);
            int countB = tally.count(b.id(), date);
            boolean oneFull = countA == capacityA || countB == capacityB;
            assertThat(oneFull || Math.abs(countA - countB) <= 1).as("load spread until one is full").isTrue();
        }
    }
}
