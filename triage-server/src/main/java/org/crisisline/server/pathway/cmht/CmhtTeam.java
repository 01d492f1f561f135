package org.crisisline.server.pathway.cmht;

import java.util.Objects;
import java.util.Set;
import org.crisisline.server.pathway.PathwayConfigException;
import org.crisisline.server.pathway.PostcodeDistrict;

/**
 * A Community Mental Health Team: its catchment (postcode districts, and GP practices as a second key),
 * the endpoint referrals are delivered to (an id the delivery verticle resolves, never a URL in the
 * domain) and its duty line. Immutable.
 */
public record CmhtTeam(TeamId id, String name, Set<PostcodeDistrict> districts, Set<GpPracticeCode> practices,
                       String referralEndpointId, DutyLine dutyLine) {
    public CmhtTeam {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(referralEndpointId, "referralEndpointId");
        Objects.requireNonNull(dutyLine, "dutyLine");
        districts = Set.copyOf(districts);
        practices = Set.copyOf(practices);
        if (referralEndpointId.isBlank()) {
            throw new PathwayConfigException("pathway.cmht.teams." + id + ".referral-endpoint", "must not be blank");
        }
    }

    public boolean covers(PostcodeDistrict district) {
        return districts.contains(district);
    }

    public boolean covers(GpPracticeCode practice) {
        return practices.contains(practice);
    }
}
