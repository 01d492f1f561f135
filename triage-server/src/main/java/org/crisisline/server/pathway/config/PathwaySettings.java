package org.crisisline.server.pathway.config;

import java.util.Objects;
import org.crisisline.server.pathway.cafe.CafeConfig;
import org.crisisline.server.pathway.outbox.RetryPolicy;
import org.crisisline.server.pathway.referral.ReferralConfig;

/** All pathway settings, validated: referrals, their delivery, and the café finder. Read by {@link PathwaySettingsReader}. */
public record PathwaySettings(ReferralConfig referral, RetryPolicy outbox, CafeConfig cafe,
                              ReferralDeliverySettings delivery) {
    public PathwaySettings {
        Objects.requireNonNull(delivery, "delivery");
        Objects.requireNonNull(referral, "referral");
        Objects.requireNonNull(outbox, "outbox");
        Objects.requireNonNull(cafe, "cafe");
    }
}
