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
 * referrals for chasing ({@code pathway.referral.chase-check-every}); both checks run on real time.
 */
public record ReferralDeliverySettings(Map<String, ReferralEndpoint> endpoints, Duration timeout,
                                       Duration deliveryCheckEvery, Duration chaseCheckEvery) {
    public ReferralDeliverySettings {
        endpoints = Map.copyOf(Objects.requireNonNull(endpoints, "endpoints"));
        PathwayConfigException.requirePositive("pathway.referral.delivery-timeout", timeout);
        PathwayConfigException.requirePositive("pathway.referral.delivery-check-every", deliveryCheckEvery);
        PathwayConfigException.requirePositive("pathway.referral.chase-check-every", chaseCheckEvery);
    }


    public Optional<ReferralEndpoint> endpoint(String id) {
        return Optional.ofNullable(endpoints.get(id));
    }
}
