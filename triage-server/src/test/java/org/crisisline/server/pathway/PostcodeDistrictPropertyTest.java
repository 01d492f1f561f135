package org.crisisline.server.pathway;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

@Label("Postcode districts, for any postcode")
class PostcodeDistrictPropertyTest {

    @Property(tries = 300)
    @Label("any full postcode, in any case and spacing, normalises to its outward code")
    void anyFullPostcodeNormalisesToItsOutwardCode(@ForAll("postcodes") String[] outwardAndInward,
                                                   @ForAll boolean lowerCase, @ForAll boolean spaced) {
        String typed = outwardAndInward[0] + (spaced ? "  " : "") + outwardAndInward[1];
        if (lowerCase) {
            typed = typed.toLowerCase(Locale.ROOT);
        }
        assertThat(PostcodeDistrict.parse(" " + typed + " ")).contains(new PostcodeDistrict(outwardAndInward[0]));
    }

    @Provide
    Arbitrary<String[]> postcodes() {
        Arbitrary<String> area = Arbitraries.strings().withCharRange('A', 'Z').ofMinLength(1).ofMaxLength(2);
        Arbitrary<String> digit = Arbitraries.strings().numeric().ofLength(1);
        Arbitrary<String> tail = Arbitraries.strings().withCharRange('A', 'Z').numeric().ofMinLength(0).ofMaxLength(1);
        Arbitrary<String> inwardLetters = Arbitraries.strings().withCharRange('A', 'Z').ofLength(2);
        return Combinators.combine(area, digit, tail, digit, inwardLetters)
                .as((a, d, t, id, letters) -> new String[] {a + d + t, id + letters});
    }
}
