package org.crisisline.server.pathway.config;

import java.util.Objects;
import org.crisisline.server.pathway.cafe.CafeConfig;
import org.crisisline.server.pathway.outbox.RetryPolicy;
import org.crisisline.server.pathway.referral.ReferralConfig;

/**
 * All pathway settings, validated: referrals, their delivery, the café finder and the gateway that texts café
 * details. Read by {@link PathwaySettingsReader}.
 */
public record PathwaySettings(ReferralConfig referral, RetryPolicy outbox, CafeConfig cafe, TextSettings text) {
    public PathwaySettings {
        Objects.requireNonNull(referral, "referral");
        Objects.requireNonNull(outbox, "outbox");
        Objects.requireNonNull(cafe, "cafe");
        Objects.requireNonNull(text, "text");
    }
}
