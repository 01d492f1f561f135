package org.crisisline.server.pathway.cafe;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.crisisline.server.pathway.Result;
import org.crisisline.server.pathway.hours.Session;

/**
 * Signposts per café per evening (DOMAIN.md: "count signposts per café so that none is overburdened"),
 * keyed by the session's service date, so a 01:00 signpost to a Friday-night session counts on Friday.
 * Recording beyond a café's capacity is refused (two operatives may offer the last place at once).
 * Immutable value; the leads' "café signposts per café today" reads {@link #count}.
 */
public final class SignpostTally {
    private record CafeEvening(CafeId cafe, LocalDate serviceDate) {
    }

    private static final SignpostTally EMPTY = new SignpostTally(Map.of());

    private final Map<CafeEvening, Integer> counts;

    private SignpostTally(Map<CafeEvening, Integer> counts) {
        this.counts = counts;
    }

    public static SignpostTally empty() {
        return EMPTY;
    }

    public int count(CafeId cafe, LocalDate serviceDate) {
        return counts.getOrDefault(new CafeEvening(cafe, serviceDate), 0);
    }

    /** Signposts per café for the evening of {@code serviceDate}, for the leads' "café signposts per café today". */
    public Map<CafeId, Integer> countsOn(LocalDate serviceDate) {
        Map<CafeId, Integer> onDate = new TreeMap<>();
        counts.forEach((key, count) -> {
            if (key.serviceDate().equals(serviceDate)) {
                onDate.put(key.cafe(), count);
            }
        });
        return Collections.unmodifiableMap(onDate);
    }

    /**
     * The same tally with {@code count} signposts to {@code cafe} on {@code serviceDate} (none kept at 0): for a
     * store that keeps the counts elsewhere and reads them back, or takes signposts back.
     */
    public SignpostTally withCount(CafeId cafe, LocalDate serviceDate, int count) {
        if (count < 0) {
            throw new IllegalArgumentException("a signpost count is never negative");
        }
        Map<CafeEvening, Integer> changed = new HashMap<>(counts);
        if (count == 0) {
            changed.remove(new CafeEvening(cafe, serviceDate));
        } else {
            changed.put(new CafeEvening(cafe, serviceDate), count);
        }
        return new SignpostTally(Map.copyOf(changed));
    }

    /** Count one signpost to {@code cafe} for {@code session}; refused when the evening is full. */
    public Result<SignpostTally> record(Cafe cafe, Session session, Instant at) {
        CafeEvening key = new CafeEvening(cafe.id(), session.serviceDate());
        int next = counts.getOrDefault(key, 0) + 1;
        if (next > cafe.capacityPerEvening()) {
            return Result.rejected(cafe.name() + " is full for the evening of " + session.serviceDate()
                    + " (" + cafe.capacityPerEvening() + " signposted)");
        }
        Map<CafeEvening, Integer> more = new HashMap<>(counts);
        more.put(key, next);
        return Result.accepted(new SignpostTally(Map.copyOf(more)),
                List.of(new CafeSignposted(cafe.id(), session.serviceDate(), next, at)));
    }
}
