package org.crisisline.load.sim.search;

import java.time.Duration;
import java.util.function.UnaryOperator;
import org.crisisline.load.sim.engine.Strategy;
import org.crisisline.queue.config.DispatchProtections;

/**
 * Each of Crisisline's staff protections (DOMAIN.md, "Staff-load balancing"), and how to switch
 * just that one off, so the simulator can price it in staff-hours. The reserve's release margin is
 * priced like a protection: off, a held caller is released exactly at their target. Settings that ship
 * switched off (per-tier hold limits, counting recovering operatives) have nothing to switch off here;
 * study them with {@code simulate --set}.
 */
public enum ProtectionSwitch {
    CLINICAL_PREFERENCE("clinician preferred for tier 1", DispatchProtections::withoutClinicalPreference),
    TIER_ONE_RESERVE("last free operative kept for tier 1", p -> p.withTierOneReserve(0)),
    RESERVE_RELEASE_MARGIN("reserve lets go a margin before target", p -> p.withReserveReleaseMargin(Duration.ZERO)),
    NON_CLINICAL_PREFERENCE("tiers 2-3 prefer non-clinicians", DispatchProtections::withoutNonClinicalPreference),
    RECOVERY_TIME("recovery time after calls", DispatchProtections::withoutRecoveryTime),
    TIER_ONE_CAP("cap on tier-1 calls in a row", p -> p.withConsecutiveTierOneCap(0)),
    LANGUAGE_WAIT("short wait for a speaker of the language", p -> p.withLanguageWait(Duration.ZERO)),
    LOAD_BALANCING("lowest emotional load first", DispatchProtections::withoutLoadBalancing);

    private final String label;
    private final UnaryOperator<DispatchProtections> switchOff;

    ProtectionSwitch(String label, UnaryOperator<DispatchProtections> switchOff) {
        this.label = label;
        this.switchOff = switchOff;
    }

    /** What the protection does, in a lead's words. */
    public String label() {
        return label;
    }

    /** Crisisline's dispatcher with this protection, and only this one, switched off. */
    public Strategy offIn(Strategy crisisline) {
        return new Strategy(crisisline.name() + " without: " + label,
                crisisline.config().withProtections(switchOff.apply(crisisline.config().protections())));
    }
}
