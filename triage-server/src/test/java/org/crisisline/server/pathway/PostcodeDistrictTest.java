package org.crisisline.server.pathway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("Postcode districts, as callers and operatives type them")
class PostcodeDistrictTest {

    @ParameterizedTest(name = "\"{0}\" is district {1}")
    @CsvSource({
            "'ls6 2ab', LS6",
            "'LS6 2AB', LS6",
            "'LS62AB', LS6",
            "'  ls6   2ab ', LS6",
            "'ls6', LS6",
            "'W1A 1AA', W1A",
            "'w1a1aa', W1A",
            "'M1 1AE', M1",
            "'EC1A 1BB', EC1A",
            "'B33 8TH', B33",
            "'CR2 6XH', CR2",
            "'DN55 1PT', DN55"
    })
    void normalisesTypedPostcodesToTheirDistrict(String typed, String district) {
        assertThat(PostcodeDistrict.parse(typed)).contains(new PostcodeDistrict(district));
    }

    @ParameterizedTest(name = "\"{0}\" is not a postcode")
    @ValueSource(strings = {"", "   ", "leeds", "123", "LS6 2", "LS6 2ABC", "6LS 2AB", "LS 2AB"})
    void somethingThatIsNotAPostcodeGivesNoDistrict(String typed) {
        assertThat(PostcodeDistrict.parse(typed)).isEmpty();
    }

    @Test
    @DisplayName("no input gives no district rather than an exception")
    void nullGivesNoDistrict() {
        assertThat(PostcodeDistrict.parse(null)).isEmpty();
    }

    @Test
    @DisplayName("a bad district in configuration fails with the key")
    void aBadSettingNamesItsKey() {
        assertThatThrownBy(() -> PostcodeDistrict.ofSetting("pathway.cmht.teams.x.districts", "nowhere"))
                .isInstanceOf(PathwayConfigException.class)
                .hasMessageContaining("pathway.cmht.teams.x.districts")
                .hasMessageContaining("nowhere");
    }
}
