package org.crisisline.server.pathway.cmht;

import java.util.Objects;
import java.util.Optional;
import org.crisisline.server.pathway.PostcodeDistrict;

/**
 * Where a caller lives, as far as the operative has learnt it: a postcode district and/or a GP practice.
 * Either may be missing; {@link #fromInput} normalises what was typed and drops what does not parse. Only
 * the district is kept, never the full postcode, so nothing derived from it identifies a household.
 */
public record CallerLocation(Optional<PostcodeDistrict> district, Optional<GpPracticeCode> practice) {
    public CallerLocation {
        Objects.requireNonNull(district, "district");
        Objects.requireNonNull(practice, "practice");
    }

    public static CallerLocation fromInput(String postcode, String gpPractice) {
        return new CallerLocation(PostcodeDistrict.parse(postcode), GpPracticeCode.parse(gpPractice));
    }

    public static CallerLocation ofPostcode(String postcode) {
        return fromInput(postcode, null);
    }

    /** "postcode district LS6 or GP practice B86001", naming only what is known. */
    public String describe() {
        String area = district.map(d -> "postcode district " + d).orElse("");
        String gp = practice.map(p -> "GP practice " + p).orElse("");
        return area.isEmpty() || gp.isEmpty() ? area + gp : area + " or " + gp;
    }
}
