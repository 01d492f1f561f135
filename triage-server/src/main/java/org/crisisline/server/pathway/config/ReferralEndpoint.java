package org.crisisline.server.pathway.config;

import java.net.URI;
import java.util.Objects;
import org.crisisline.server.pathway.PathwayConfigException;

/**
 * Where a team's referrals are delivered ({@code pathway.referral.endpoints.<id>.url}, an absolute http or
 * https URL) and the bearer token that authenticates both ways ({@code .token}): we send it with each
 * referral, and the team sends it back when it reports a referral's status. {@link #toString} hides the token.
 */
public record ReferralEndpoint(String id, URI url, String token) {
    static final int MIN_TOKEN_LENGTH = 16;

    public ReferralEndpoint {
        Objects.requireNonNull(id, "id");
        String key = "pathway.referral.endpoints." + id;
        if (url == null || !url.isAbsolute() || url.getHost() == null
                || !(url.getScheme().equals("http") || url.getScheme().equals("https"))) {
            throw new PathwayConfigException(key + ".url", "must be an absolute http or https URL, was " + url);
        }
        if (token == null || token.isBlank() || token.length() < MIN_TOKEN_LENGTH || token.chars().anyMatch(c -> c <= ' ')) {
            throw new PathwayConfigException(key + ".token", "must be at least " + MIN_TOKEN_LENGTH
                    + " characters without spaces");
        }
    }

    @Override
    public String toString() {
        return "ReferralEndpoint[" + id + " " + url + "]";
    }
}
