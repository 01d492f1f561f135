package org.crisisline.server.pathway.cmht;

import java.util.Objects;
import java.util.Optional;
import org.crisisline.server.pathway.PostcodeDistrict;

/**
 * Where a caller lives, as far as the operative has learnt it: a postcode district and/or a GP
 * practice. Either may be missing; {@link #fromInput} normalises what was typed and drops what does
 * not parse, keeping the raw text only for the "no team covers" message shown to the operative.
 */
public record CallerLocation(Optional<PostcodeDistrict> district, Optional<GpPracticeCode> practice, String asTyped) {
    public CallerLocation {
        Objects.requireNonNull(district, "district");
        Objects.requireNonNull(practice, "practice");
        Objects.requireNonNull(asTyped, "asTyped");
    }

    public static CallerLocation fromInput(String postcode, String gpPractice) {
        String typed = String.join(" / ",
                postcode == null ? "no postcode" : postcode.trim(),
                gpPractice == null ? "no GP practice" : gpPractice.trim());
        return new CallerLocation(PostcodeDistrict.parse(postcode), GpPracticeCode.parse(gpPractice), typed);
    }

    public static CallerLocation ofPostcode(String postcode) {
        return fromInput(postcode, null);
    }
}
