package org.crisisline.queue.config;

import java.time.Duration;
import java.util.Objects;

/**
 * The staff-load-balancing policy's protections (DOMAIN.md). Each can be switched off, so the
 * simulator can price it in staff-hours.
 *
 * @param preferClinicalForTierOne       a free clinically qualified operative is preferred for tier 1
 * @param alertLeadWhenNoClinician        alert the clinical lead when tier 1 goes to a non-clinician
 * @param tierOneReserve                  this many free operatives are kept from tiers 2/3 and check-ins
 *                                        until those callers have waited past their own target; 0 = off
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
        if (tierOneReserve < 0 || consecutiveTierOneCap < 0) {
            throw new IllegalArgumentException("reserve and cap must not be negative");
        }
    }

    /** Nothing protected: what an ordinary contact centre does. */
    public static DispatchProtections none() {
        return new DispatchProtections(false, false, 0, false, false, Duration.ZERO, Duration.ZERO, 0, Duration.ZERO,
                false);
    }

    public DispatchProtections withoutClinicalPreference() {
        return new DispatchProtections(false, alertLeadWhenNoClinician, tierOneReserve, preferNonClinicalForLowerTiers,
                recoveryTime, recoveryInterruptMinimum, recoveryInterruptFromWait, consecutiveTierOneCap, languageWait,
                balanceEmotionalLoad);
    }

    public DispatchProtections withTierOneReserve(int reserve) {
        return new DispatchProtections(preferClinicalForTierOne, alertLeadWhenNoClinician, reserve,
                preferNonClinicalForLowerTiers, recoveryTime, recoveryInterruptMinimum, recoveryInterruptFromWait,
                consecutiveTierOneCap, languageWait, balanceEmotionalLoad);
    }

    public DispatchProtections withoutNonClinicalPreference() {
        return new DispatchProtections(preferClinicalForTierOne, alertLeadWhenNoClinician, tierOneReserve, false,
                recoveryTime, recoveryInterruptMinimum, recoveryInterruptFromWait, consecutiveTierOneCap, languageWait,
                balanceEmotionalLoad);
    }

    public DispatchProtections withoutRecoveryTime() {
        return new DispatchProtections(preferClinicalForTierOne, alertLeadWhenNoClinician, tierOneReserve,
                preferNonClinicalForLowerTiers, false, recoveryInterruptMinimum, recoveryInterruptFromWait,
                consecutiveTierOneCap, languageWait, balanceEmotionalLoad);
    }

    public DispatchProtections withConsecutiveTierOneCap(int cap) {
        return new DispatchProtections(preferClinicalForTierOne, alertLeadWhenNoClinician, tierOneReserve,
                preferNonClinicalForLowerTiers, recoveryTime, recoveryInterruptMinimum, recoveryInterruptFromWait, cap,
                languageWait, balanceEmotionalLoad);
    }

    public DispatchProtections withLanguageWait(Duration wait) {
        return new DispatchProtections(preferClinicalForTierOne, alertLeadWhenNoClinician, tierOneReserve,
                preferNonClinicalForLowerTiers, recoveryTime, recoveryInterruptMinimum, recoveryInterruptFromWait,
                consecutiveTierOneCap, wait, balanceEmotionalLoad);
    }

    public DispatchProtections withoutLoadBalancing() {
        return new DispatchProtections(preferClinicalForTierOne, alertLeadWhenNoClinician, tierOneReserve,
                preferNonClinicalForLowerTiers, recoveryTime, recoveryInterruptMinimum, recoveryInterruptFromWait,
                consecutiveTierOneCap, languageWait, false);
    }
}
