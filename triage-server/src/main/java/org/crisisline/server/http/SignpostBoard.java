package org.crisisline.server.http;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.crisisline.server.auth.web.ApiError;
import org.crisisline.server.pathway.Result;
import org.crisisline.server.pathway.cafe.Cafe;
import org.crisisline.server.pathway.cafe.SignpostTally;
import org.crisisline.server.pathway.hours.Session;
import org.crisisline.server.pathway.hours.WeeklyHours;

/**
 * The live {@link SignpostTally} (café signposts per café per evening): what the café finder reads and what
 * a call's outcome adds to. Recording several signposts is all or nothing: if any café is full or not open
 * today or soon, none is counted (422 {@code cafe-full} / {@code cafe-closed}). In memory, lost on restart.
 * Thread-safe: updates are serialised.
 */
public final class SignpostBoard {
    private SignpostTally tally = SignpostTally.empty();

    public synchronized SignpostTally tally() {
        return tally;
    }

    /** Signposts per café for the evening of {@code at}'s date in England. */
    public synchronized Map<String, Integer> countsOn(Instant at) {
        Map<String, Integer> counts = new TreeMap<>();
        tally.countsOn(LocalDate.ofInstant(at, WeeklyHours.ENGLAND)).forEach((cafe, n) -> counts.put(cafe.value(), n));
        return counts;
    }

    /** What {@link #recordAll} changed, so that it can be undone. */
    public record Recorded(SignpostTally before, SignpostTally after) {
    }

    /** Counts one signpost to each café, all or none; returns what changed. */
    public synchronized Recorded recordAll(List<Cafe> cafes, Instant at) {
        SignpostTally next = tally;
        for (Cafe cafe : cafes) {
            Optional<Session> session = cafe.sessionToSignpost(at);
            if (session.isEmpty()) {
                throw new ApiError(422, "cafe-closed", cafe.name() + " has no session to signpost to.");
            }
            Result<SignpostTally> recorded = next.record(cafe, session.get(), at);
            if (recorded instanceof Result.Rejected<SignpostTally> full) {
                throw new ApiError(422, "cafe-full", full.reason());
            }
            next = recorded.orElseThrow();
        }
        Recorded change = new Recorded(tally, next);
        tally = next;
        return change;
    }

    /**
     * Takes back a change whose decision could not be recorded (the audit failed), if nothing was counted
     * since; otherwise the later counts stand and the extra signposts stay counted (over-counting errs on
     * the café's side).
     */
    public synchronized void undo(Recorded change) {
        if (tally == change.after()) {
            tally = change.before();
        }
    }
}
