package org.crisisline.server.signpost;

import io.vertx.core.Future;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.crisisline.server.pathway.cafe.Cafe;
import org.crisisline.server.pathway.cafe.SignpostTally;

/**
 * The live café signpost counts (per café per evening, DOMAIN.md: "count signposts per café so that none is
 * overburdened"): what the café finder reads and what a call's outcome adds to. Recording several
 * signposts is all or nothing: if any café is full or has no session today or soon, none is counted and the
 * future fails with 422 {@code cafe-full} / {@code cafe-closed}. Every node sharing a store sees the same
 * counts, so two nodes cannot both give away a café's last place. Futures never block.
 */
public interface SignpostBoard {

    /** The counts of the evenings each of {@code cafes} would be signposted to at {@code at}. */
    Future<SignpostTally> tallyFor(List<Cafe> cafes, Instant at);

    /** Signposts per café id for the evening of {@code at}'s date in England. */
    Future<Map<String, Integer>> countsOn(Instant at);

    /** Counts one signpost to each café (a café listed twice counts twice), all or none. */
    Future<Recorded> recordAll(List<Cafe> cafes, Instant at);

    /**
     * Takes back the signposts of a recording whose decision could not be saved (a compensating decrement;
     * signposts counted since by others stand).
     */
    Future<Void> undo(Recorded change);

    /** What {@link #recordAll} counted, so that it can be undone. */
    record Recorded(List<CafeSignposts> signposts) {
        public Recorded {
            signposts = List.copyOf(signposts);
        }
    }
}
