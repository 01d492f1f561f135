package org.crisisline.load.sim.staff;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.crisisline.queue.model.OperativeId;
import org.crisisline.queue.model.Skills;

/**
 * One operative's shift: they log on at {@code start}, ask for a break at each of {@code breaks}
 * (taken when their current call ends), and log off at {@code end} (after their current call).
 */
public record Shift(OperativeId operative, Skills skills, Instant start, Instant end, List<Instant> breaks) {
    public Shift {
        Objects.requireNonNull(operative, "operative");
        Objects.requireNonNull(skills, "skills");
        breaks = List.copyOf(breaks);
        if (!end.isAfter(start)) {
            throw new IllegalArgumentException("a shift ends after it starts");
        }
    }
}
