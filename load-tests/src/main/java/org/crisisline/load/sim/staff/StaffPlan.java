package org.crisisline.load.sim.staff;

import java.time.Duration;
import java.util.List;
import org.crisisline.queue.callback.Rota;

/**
 * Everything a simulated day needs to know about staff: the shifts, the rota as the core sees it
 * (for callback slot capacity) and how long a break lasts.
 */
public record StaffPlan(HourlyRota hourly, List<Shift> shifts, Rota coreRota, Duration breakLength) {
    public StaffPlan {
        shifts = List.copyOf(shifts);
    }
}
