package org.crisisline.server.http.operative;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.crisisline.server.auth.web.ApiError;
import org.crisisline.server.pathway.Result;
import org.crisisline.server.pathway.cafe.Cafe;
import org.crisisline.server.pathway.cafe.SignpostTally;
import org.crisisline.server.pathway.hours.Session;

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

    public synchronized void recordAll(List<Cafe> cafes, Instant at) {
        SignpostTally next = tally;
        for (Cafe cafe : cafes) {
            Optional<Session> session = cafe.hours().sessionAt(at).or(() -> cafe.hours().nextOpeningAfter(at));
            if (session.isEmpty()) {
                throw new ApiError(422, "cafe-closed", cafe.name() + " has no session to signpost to.");
            }
            Result<SignpostTally> recorded = next.record(cafe, session.get(), at);
            if (recorded instanceof Result.Rejected<SignpostTally> full) {
                throw new ApiError(422, "cafe-full", full.reason());
            }
            next = recorded.orElseThrow();
        }
        tally = next;
    }
}
