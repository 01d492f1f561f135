package org.crisisline.server.pathway.config;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.crisisline.server.pathway.PathwayConfigException;

/**
 * How referrals reach the teams: the configured endpoints by id (a team names one as its
 * {@code referralEndpoint}; one not configured here fails each attempt with a clear reason, retried and
 * flagged, never dropped), how long one delivery may take ({@code pathway.referral.delivery-timeout}), and
 * how often the outbox is checked for due deliveries ({@code pathway.referral.delivery-check-every}) and the
 * referrals for chasing ({@code pathway.referral.chase-check-every}); both checks run on real time. With each
 * chasing check, settled referrals beyond the newest {@code pathway.referral.keep-settled} leave the live
 * book for the archive.
 */
public record ReferralDeliverySettings(Map<String, ReferralEndpoint> endpoints, Duration timeout,
                                       Duration deliveryCheckEvery, Duration chaseCheckEvery, int keepSettled) {
    public ReferralDeliverySettings {
        endpoints = Map.copyOf(Objects.requireNonNull(endpoints, "endpoints"));
        PathwayConfigException.requirePositive("pathway.referral.delivery-timeout", timeout);
        PathwayConfigException.requirePositive("pathway.referral.delivery-check-every", deliveryCheckEvery);
        PathwayConfigException.requirePositive("pathway.referral.chase-check-every", chaseCheckEvery);
        if (keepSettled < 0) {
            throw new PathwayConfigException("pathway.referral.keep-settled", "must not be negative");
        }
    }


    public Optional<ReferralEndpoint> endpoint(String id) {
        return Optional.ofNullable(endpoints.get(id));
    }
}
