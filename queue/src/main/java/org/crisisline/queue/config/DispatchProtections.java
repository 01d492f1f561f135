package org.crisisline.queue.config;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import org.crisisline.queue.model.Tier;

/**
 * The staff-load-balancing policy's protections (DOMAIN.md). Each can be switched off, so the
 * simulator can price it in staff-hours.
 *
 * @param preferClinicalForTierOne       a free clinically qualified operative is preferred for tier 1
 * @param alertLeadWhenNoClinician        alert the clinical lead when tier 1 goes to a non-clinician
 * @param tierOneReserve                  this many free operatives are kept from tiers 2/3 and check-ins
 *                                        until those callers have been held long enough; 0 = off
 * @param reserveReleaseMargin            the reserve releases a held caller this long before their answer
 *                                        target, so that the ring still ends within it; ZERO = at the target
 * @param reserveHoldLimits               the reserve holds a caller of these tiers at most this long (the
 *                                        earlier of this and the target less the margin); absent = no limit.
 *                                        See {@link QueueConfig#reserveHold}
 * @param reserveCountsRecovering         an operative in recovery whom a tier-1 caller arriving now would
 *                                        have by the time they are about to miss the target (their recovery
 *                                        ends by then, or may be interrupted by then) counts towards the reserve
 *                                        as if free; off = only free operatives count
 * @param preferNonClinicalForLowerTiers  tiers 2/3 and check-ins go to non-clinical staff when they can
 * @param recoveryTime                    recovery time after calls (durations per tier in {@link TierRule})
 * @param recoveryInterruptMinimum        a recovery may be interrupted only after it has lasted this long
 * @param recoveryInterruptFromWait       ...and only for a tier-1 caller who has waited this long (about to miss)
 * @param consecutiveTierOneCap           at most this many tier-1 calls in a row per operative; 0 = off
 * @param languageWait                    a caller waits up to this for a speaker of their language; ZERO = off
 * @param balanceEmotionalLoad            lowest emotional load wins; off: longest idle wins
 */
public record DispatchProtections(
        boolean preferClinicalForTierOne,
        boolean alertLeadWhenNoClinician,
        int tierOneReserve,
        Duration reserveReleaseMargin,
        Map<Tier, Duration> reserveHoldLimits,
        boolean reserveCountsRecovering,
        boolean preferNonClinicalForLowerTiers,
        boolean recoveryTime,
        Duration recoveryInterruptMinimum,
        Duration recoveryInterruptFromWait,
        int consecutiveTierOneCap,
        Duration languageWait,
        boolean balanceEmotionalLoad) {

    public DispatchProtections {
        Objects.requireNonNull(recoveryInterruptMinimum, "recoveryInterruptMinimum");
        Objects.requireNonNull(recoveryInterruptFromWait, "recoveryInterruptFromWait");
        Objects.requireNonNull(languageWait, "languageWait");
        Objects.requireNonNull(reserveReleaseMargin, "reserveReleaseMargin");
        Objects.requireNonNull(reserveHoldLimits, "reserveHoldLimits");
        if (tierOneReserve < 0 || consecutiveTierOneCap < 0) {
            throw new IllegalArgumentException("reserve and cap must not be negative");
        }
        if (reserveReleaseMargin.isNegative()) {
            throw new IllegalArgumentException("the reserve's release margin must not be negative");
        }
        EnumMap<Tier, Duration> limits = new EnumMap<>(Tier.class);
        limits.putAll(reserveHoldLimits);
        if (limits.containsKey(Tier.IMMEDIATE_RISK)) {
            throw new IllegalArgumentException("the reserve never holds a tier-1 caller: no hold limit for tier 1");
        }
        if (limits.values().stream().anyMatch(Duration::isNegative)) {
            throw new IllegalArgumentException("a reserve hold limit must not be negative");
        }
        reserveHoldLimits = Map.copyOf(limits);
    }

    /** Nothing protected: what an ordinary contact centre does. */
    public static DispatchProtections none() {
        return new DispatchProtections(false, false, 0, Duration.ZERO, Map.of(), false, false, false,
                Duration.ZERO, Duration.ZERO, 0, Duration.ZERO, false);
    }

    public DispatchProtections withoutClinicalPreference() {
        return new DispatchProtections(false, alertLeadWhenNoClinician, tierOneReserve, reserveReleaseMargin,
                reserveHoldLimits, reserveCountsRecovering, preferNonClinicalForLowerTiers, recoveryTime,
                recoveryInterruptMinimum, recoveryInterruptFromWait, consecutiveTierOneCap, languageWait,
                balanceEmotionalLoad);
    }

    public DispatchProtections withTierOneReserve(int reserve) {
        return new DispatchProtections(preferClinicalForTierOne, alertLeadWhenNoClinician, reserve,
                reserveReleaseMargin, reserveHoldLimits, reserveCountsRecovering, preferNonClinicalForLowerTiers,
                recoveryTime, recoveryInterruptMinimum, recoveryInterruptFromWait, consecutiveTierOneCap, languageWait,
                balanceEmotionalLoad);
    }

    /** The reserve releases a held caller this long before their answer target; ZERO: at the target. */
    public DispatchProtections withReserveReleaseMargin(Duration margin) {
        return new DispatchProtections(preferClinicalForTierOne, alertLeadWhenNoClinician, tierOneReserve, margin,
                reserveHoldLimits, reserveCountsRecovering, preferNonClinicalForLowerTiers, recoveryTime,
                recoveryInterruptMinimum, recoveryInterruptFromWait, consecutiveTierOneCap, languageWait,
                balanceEmotionalLoad);
    }

    /** The reserve holds callers of these tiers at most this long; an empty map: no limits but the targets. */
    public DispatchProtections withReserveHoldLimits(Map<Tier, Duration> limits) {
        return new DispatchProtections(preferClinicalForTierOne, alertLeadWhenNoClinician, tierOneReserve,
                reserveReleaseMargin, limits, reserveCountsRecovering, preferNonClinicalForLowerTiers, recoveryTime,
                recoveryInterruptMinimum, recoveryInterruptFromWait, consecutiveTierOneCap, languageWait,
                balanceEmotionalLoad);
    }

    /** Whether operatives in recovery whom a tier-1 caller would have in time count towards the reserve. */
    public DispatchProtections withReserveCountingRecovering(boolean counts) {
        return new DispatchProtections(preferClinicalForTierOne, alertLeadWhenNoClinician, tierOneReserve,
                reserveReleaseMargin, reserveHoldLimits, counts, preferNonClinicalForLowerTiers, recoveryTime,
                recoveryInterruptMinimum, recoveryInterruptFromWait, consecutiveTierOneCap, languageWait,
                balanceEmotionalLoad);
    }

    public DispatchProtections withoutNonClinicalPreference() {
        return new DispatchProtections(preferClinicalForTierOne, alertLeadWhenNoClinician, tierOneReserve,
                reserveReleaseMargin, reserveHoldLimits, reserveCountsRecovering, false, recoveryTime,
                recoveryInterruptMinimum, recoveryInterruptFromWait, consecutiveTierOneCap, languageWait,
                balanceEmotionalLoad);
    }

    public DispatchProtections withoutRecoveryTime() {
        return new DispatchProtections(preferClinicalForTierOne, alertLeadWhenNoClinician, tierOneReserve,
                reserveReleaseMargin, reserveHoldLimits, reserveCountsRecovering, preferNonClinicalForLowerTiers, false,
                recoveryInterruptMinimum, recoveryInterruptFromWait, consecutiveTierOneCap, languageWait,
                balanceEmotionalLoad);
    }

    public DispatchProtections withConsecutiveTierOneCap(int cap) {
        return new DispatchProtections(preferClinicalForTierOne, alertLeadWhenNoClinician, tierOneReserve,
                reserveReleaseMargin, reserveHoldLimits, reserveCountsRecovering, preferNonClinicalForLowerTiers,
                recoveryTime, recoveryInterruptMinimum, recoveryInterruptFromWait, cap, languageWait,
                balanceEmotionalLoad);
    }

    public DispatchProtections withLanguageWait(Duration wait) {
        return new DispatchProtections(preferClinicalForTierOne, alertLeadWhenNoClinician, tierOneReserve,
                reserveReleaseMargin, reserveHoldLimits, reserveCountsRecovering, preferNonClinicalForLowerTiers,
                recoveryTime, recoveryInterruptMinimum, recoveryInterruptFromWait, consecutiveTierOneCap, wait,
                balanceEmotionalLoad);
    }

    public DispatchProtections withoutLoadBalancing() {
        return new DispatchProtections(preferClinicalForTierOne, alertLeadWhenNoClinician, tierOneReserve,
                reserveReleaseMargin, reserveHoldLimits, reserveCountsRecovering, preferNonClinicalForLowerTiers,
                recoveryTime, recoveryInterruptMinimum, recoveryInterruptFromWait, consecutiveTierOneCap, languageWait,
                false);
    }
}
