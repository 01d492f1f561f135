package org.crisisline.load.sim.search;

import java.util.List;
import org.crisisline.load.sim.day.DaySpec;
import org.crisisline.load.sim.metrics.PooledResult;
import org.crisisline.load.sim.metrics.ReportRow;
import org.crisisline.load.sim.staff.HourlyRota;

/**
 * Everything one simulate run found, ready to be printed, charted and written as CSV. Immutable.
 *
 * @param dayName             where the day came from (a file name, or the shipped reference)
 * @param crisisline          Crisisline, all protections on, on the day's own rota
 * @param baseline            the longest-idle baseline on the same rota
 * @param crisislineSmallest  the smallest rota meeting the targets, Crisisline
 * @param baselineSmallest    ...and the baseline
 * @param crisislineTierOne   the smallest rota meeting the tier-1 target alone, Crisisline
 * @param baselineTierOne     ...and the baseline
 * @param protections         each protection switched off in turn (empty when not priced)
 */
public record StudyResult(String dayName, DaySpec spec, int days, HourlyRota reference, ServiceTargets targets,
                          PooledResult crisisline, PooledResult baseline,
                          SmallestRota crisislineSmallest, SmallestRota baselineSmallest,
                          SmallestRota crisislineTierOne, SmallestRota baselineTierOne,
                          List<ProtectionPrice> protections) {
    /** The allowance: Crisisline may need at most this much more staff than the baseline. */
    public static final double STAFFING_ALLOWANCE = 0.05;

    public StudyResult {
        protections = List.copyOf(protections);
    }

    /**
     * One protection switched off.
     *
     * @param atReference how Crisisline without it fares on the day's own rota
     * @param smallest    the smallest rota with which Crisisline without it meets the targets
     */
    public record ProtectionPrice(ProtectionSwitch protection, PooledResult atReference, SmallestRota smallest) {
        /** Staff-hours the protection costs (positive) or saves (negative) against all protections on. */
        public int costInStaffHours(SmallestRota allOn) {
            return allOn.staffHours() - smallest.staffHours();
        }
    }

    /** Crisisline meets the targets with at most 5% more staff-hours than the baseline needs. */
    public boolean crisislineWithinStaffingAllowance() {
        if (!crisislineSmallest.found()) {
            return false;
        }
        return !baselineSmallest.found()
                || crisislineSmallest.staffHours() <= (1 + STAFFING_ALLOWANCE) * baselineSmallest.staffHours();
    }

    /** On the day's own rota, fewer tier-1 callers hang up with Crisisline than with the baseline. */
    public boolean crisislineLosesFewerTierOne() {
        return crisisline.row(ReportRow.TIER_1).abandoned() < baseline.row(ReportRow.TIER_1).abandoned();
    }

    public boolean goalMet() {
        return crisislineWithinStaffingAllowance() && crisislineLosesFewerTierOne();
    }
}
