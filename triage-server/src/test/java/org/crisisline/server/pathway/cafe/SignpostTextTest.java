package org.crisisline.server.pathway.cafe;

import static java.time.DayOfWeek.FRIDAY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.crisisline.server.pathway.testing.CafeBuilder.aCafe;
import static org.crisisline.server.pathway.testing.Times.london;

import java.util.List;
import org.crisisline.server.pathway.PostcodeDistrict;
import org.crisisline.server.pathway.config.PathwaySettingsReader;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The café details read to the caller and texted")
class SignpostTextTest {
    private final CafeFinder finder = new CafeFinder(List.of(
            aCafe("haven").named("Leeds Haven").open(FRIDAY, "18:00", "02:00").build()), PathwaySettingsReader.defaults().cafe());
    private final CafeNeeds needs = CafeNeeds.in(PostcodeDistrict.ofSetting("test", "LS6"));

    @Test
    @DisplayName("an open café says until when, in local time")
    void openNow() {
        CafeOffer offer = finder.find(needs, london("2026-11-27T19:00"), SignpostTally.empty()).get(0);

        assertThat(SignpostText.of(offer))
                .isEqualTo("Leeds Haven, 1 High Street. Open now until 02:00. Tel 01130000001. Walk in, no appointment needed.");
    }

    @Test
    @DisplayName("a café opening soon says the day and time it opens")
    void openingSoon() {
        CafeOffer offer = finder.find(needs, london("2026-11-27T17:00"), SignpostTally.empty()).get(0);

        assertThat(SignpostText.of(offer)).contains("Opens Friday at 18:00 until 02:00");
    }
}
