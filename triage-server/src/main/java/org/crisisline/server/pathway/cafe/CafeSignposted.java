package org.crisisline.server.pathway.cafe;

import java.time.Instant;
import java.time.LocalDate;
import org.crisisline.server.pathway.PathwayEvent;

/** A caller was signposted to a café for the evening of {@code serviceDate}; {@code count} is that evening's total so far. */
public record CafeSignposted(CafeId cafe, LocalDate serviceDate, int count, Instant at) implements PathwayEvent {
}
