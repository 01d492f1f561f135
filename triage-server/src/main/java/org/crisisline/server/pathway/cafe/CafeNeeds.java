package org.crisisline.server.pathway.cafe;

import java.util.Objects;
import java.util.Set;
import org.crisisline.queue.model.Language;
import org.crisisline.server.pathway.PostcodeDistrict;

/** What a caller needs from a café: their district, their language and the access features they need. */
public record CafeNeeds(PostcodeDistrict district, Language language, Set<AccessFeature> access) {
    public CafeNeeds {
        Objects.requireNonNull(district, "district");
        Objects.requireNonNull(language, "language");
        access = Set.copyOf(access);
    }

    public static CafeNeeds in(PostcodeDistrict district) {
        return new CafeNeeds(district, Language.ENGLISH, Set.of());
    }

    public CafeNeeds speaking(Language other) {
        return new CafeNeeds(district, other, access);
    }

    public CafeNeeds needing(AccessFeature... features) {
        return new CafeNeeds(district, language, Set.of(features));
    }
}
