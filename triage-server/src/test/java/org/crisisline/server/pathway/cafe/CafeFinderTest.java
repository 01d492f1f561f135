package org.crisisline.server.pathway.cafe;

import static java.time.DayOfWeek.FRIDAY;
import static java.time.DayOfWeek.SATURDAY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.crisisline.server.pathway.testing.CafeBuilder.aCafe;
import static org.crisisline.server.pathway.testing.Times.london;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.crisisline.queue.model.Language;
import org.crisisline.server.pathway.PathwayConfigException;
import org.crisisline.server.pathway.PostcodeDistrict;
import org.crisisline.server.pathway.config.PathwaySettingsReader;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The crisis café finder")
class CafeFinderTest {
    private static final PostcodeDistrict LS6 = PostcodeDistrict.ofSetting("test", "LS6");
    private final CafeConfig config = PathwaySettingsReader.defaults().cafe();

    private static List<String> ids(List<CafeOffer> offers) {
        return offers.stream().map(o -> o.cafe().id().value()).toList();
    }

    @Test
    @DisplayName("offers a café open now, and one opening within the 2 h window (inclusive), but not one opening later")
    void openNowOrSoon() {
        CafeFinder finder = new CafeFinder(List.of(
                aCafe("now").open(FRIDAY, "17:00", "23:00").build(),
                aCafe("soon").open(FRIDAY, "20:01", "23:00").build(),
                aCafe("later").open(FRIDAY, "20:02", "23:00").build()), config);

        List<CafeOffer> offers = finder.find(CafeNeeds.in(LS6), london("2026-11-27T18:01"), SignpostTally.empty());

        assertThat(ids(offers)).containsExactly("now", "soon");
        assertThat(offers.get(0).openNow()).isTrue();
        assertThat(offers.get(1).openNow()).isFalse();
    }

    @Test
    @DisplayName("Friday 18:00–02:00 is offered at 01:00 on Saturday")
    void overnightSpan() {
        CafeFinder finder = new CafeFinder(List.of(aCafe("late").open(FRIDAY, "18:00", "02:00").build()), config);

        List<CafeOffer> offers = finder.find(CafeNeeds.in(LS6), london("2026-11-28T01:00"), SignpostTally.empty());

        assertThat(offers).singleElement().satisfies(offer -> {
            assertThat(offer.openNow()).isTrue();
            assertThat(offer.session().serviceDate()).isEqualTo(LocalDate.parse("2026-11-27"));
        });
    }

    @Test
    @DisplayName("a café closing within 30 min is not offered as open now; one with 30 min left is")
    void closingSoonIsNotOffered() {
        CafeFinder finder = new CafeFinder(List.of(aCafe("closing").open(FRIDAY, "18:00", "23:00").build()), config);

        assertThat(finder.find(CafeNeeds.in(LS6), london("2026-11-27T22:31"), SignpostTally.empty())).isEmpty();
        assertThat(finder.find(CafeNeeds.in(LS6), london("2026-11-27T22:29"), SignpostTally.empty())).hasSize(1);
    }

    @Test
    @DisplayName("when today's session is closing, tomorrow's is offered if it opens within the window")
    void closingNowButOpeningSoonAgain() {
        CafeFinder finder = new CafeFinder(List.of(aCafe("dawn").openEveryDay("06:00", "23:00").build()),
                new CafeConfig(Duration.ofHours(8), Duration.ofMinutes(30)));

        assertThat(finder.find(CafeNeeds.in(LS6), london("2026-11-27T22:45"), SignpostTally.empty()))
                .singleElement().satisfies(offer -> {
                    assertThat(offer.openNow()).isFalse();
                    assertThat(offer.opensAt()).isEqualTo(london("2026-11-28T06:00"));
                });
    }

    @Test
    @DisplayName("a dated closure is respected")
    void closure() {
        CafeFinder finder = new CafeFinder(List.of(
                aCafe("shut").open(FRIDAY, "18:00", "23:00").closedOn("2026-11-27").build()), config);

        assertThat(finder.find(CafeNeeds.in(LS6), london("2026-11-27T19:00"), SignpostTally.empty())).isEmpty();
    }

    @Test
    @DisplayName("only cafés covering the caller's district, speaking their language and meeting all access needs")
    void areaLanguageAccess() {
        CafeFinder finder = new CafeFinder(List.of(
                aCafe("elsewhere").openEveryDay("17:00", "23:00").covering("LS9").build(),
                aCafe("english").openEveryDay("17:00", "23:00").with(AccessFeature.STEP_FREE).build(),
                aCafe("polish").openEveryDay("17:00", "23:00").speaking("pl")
                        .with(AccessFeature.STEP_FREE, AccessFeature.QUIET_ROOM).build()), config);
        Instant evening = london("2026-11-27T19:00");

        assertThat(ids(finder.find(CafeNeeds.in(LS6), evening, SignpostTally.empty())))
                .containsExactlyInAnyOrder("english", "polish");
        assertThat(ids(finder.find(CafeNeeds.in(LS6).speaking(Language.of("pl")), evening, SignpostTally.empty())))
                .containsExactly("polish");
        assertThat(ids(finder.find(CafeNeeds.in(LS6).needing(AccessFeature.QUIET_ROOM), evening, SignpostTally.empty())))
                .containsExactly("polish");
        assertThat(finder.find(CafeNeeds.in(LS6).needing(AccessFeature.BSL), evening, SignpostTally.empty())).isEmpty();
    }

    @Test
    @DisplayName("a café at capacity for the evening is not offered; the next evening it is again")
    void capacity() {
        Cafe small = aCafe("small").openEveryDay("18:00", "23:00").capacity(2).build();
        CafeFinder finder = new CafeFinder(List.of(small), config);
        Instant friday = london("2026-11-27T19:00");
        CafeOffer offer = finder.find(CafeNeeds.in(LS6), friday, SignpostTally.empty()).get(0);
        SignpostTally tally = SignpostTally.empty()
                .record(small, offer.session(), friday).orElseThrow()
                .record(small, offer.session(), friday).orElseThrow();

        assertThat(finder.find(CafeNeeds.in(LS6), friday, tally)).isEmpty();
        assertThat(finder.find(CafeNeeds.in(LS6), london("2026-11-28T19:00"), tally)).hasSize(1);
    }

    @Test
    @DisplayName("sorted: open now first, then soonest to open, then fewest signposts so far")
    void sensibleOrder() {
        Cafe busy = aCafe("busy").named("A busy").openEveryDay("17:00", "23:00").build();
        Cafe quiet = aCafe("quiet").named("B quiet").openEveryDay("17:00", "23:00").build();
        Cafe soonest = aCafe("soonest").named("C soonest").open(FRIDAY, "18:30", "23:00").build();
        Cafe soon = aCafe("soon").named("D soon").open(FRIDAY, "19:00", "23:00").build();
        CafeFinder finder = new CafeFinder(List.of(soon, soonest, busy, quiet), config);
        Instant friday = london("2026-11-27T18:00");
        CafeOffer busyOffer = finder.find(CafeNeeds.in(LS6), friday, SignpostTally.empty()).stream()
                .filter(o -> o.cafe().equals(busy)).findFirst().orElseThrow();
        SignpostTally tally = SignpostTally.empty().record(busy, busyOffer.session(), friday).orElseThrow();

        assertThat(ids(finder.find(CafeNeeds.in(LS6), friday, tally))).containsExactly("quiet", "busy", "soonest", "soon");
    }

    @Test
    @DisplayName("opening hours follow the wall clock across the change from BST to GMT")
    void acrossTheAutumnChange() {
        CafeFinder finder = new CafeFinder(List.of(aCafe("sat").open(SATURDAY, "18:00", "22:00").build()),
                new CafeConfig(Duration.ZERO, Duration.ZERO));
        // 17:30 UTC is 18:30 on Saturday 24 October (BST) but 17:30 on Saturday 31 October (GMT).
        assertThat(finder.find(CafeNeeds.in(LS6), Instant.parse("2026-10-24T17:30:00Z"), SignpostTally.empty())).hasSize(1);
        assertThat(finder.find(CafeNeeds.in(LS6), Instant.parse("2026-10-31T17:30:00Z"), SignpostTally.empty())).isEmpty();
        assertThat(finder.find(CafeNeeds.in(LS6), Instant.parse("2026-10-31T18:00:00Z"), SignpostTally.empty())).hasSize(1);
    }

    @Test
    @DisplayName("bad café settings fail naming the key")
    void badSettings() {
        assertThatThrownBy(() -> aCafe("x").capacity(0).build())
                .isInstanceOf(PathwayConfigException.class).hasMessageContaining("pathway.cafes.x.capacity-per-evening");
        assertThatThrownBy(() -> aCafe("x").covering().build()).hasMessageContaining("pathway.cafes.x.areas");
        assertThatThrownBy(() -> new CafeConfig(Duration.ofMinutes(-1), Duration.ZERO)).hasMessageContaining("pathway.cafe.soon-window");
        assertThatThrownBy(() -> new CafeConfig(Duration.ZERO, Duration.ofMinutes(-1)))
                .hasMessageContaining("pathway.cafe.minimum-time-left");
        assertThatThrownBy(() -> new CafeFinder(List.of(aCafe("x").build(), aCafe("x").build()), config))
                .hasMessageContaining("pathway.cafes.x");
    }
}
