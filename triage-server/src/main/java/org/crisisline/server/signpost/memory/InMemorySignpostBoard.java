package org.crisisline.server.signpost.memory;

import io.vertx.core.Future;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.crisisline.server.pathway.Result;
import org.crisisline.server.pathway.cafe.Cafe;
import org.crisisline.server.pathway.cafe.SignpostTally;
import org.crisisline.server.pathway.hours.WeeklyHours;
import org.crisisline.server.signpost.CafeSignposts;
import org.crisisline.server.signpost.SignpostBoard;

/**
 * A {@link SignpostBoard} in this process's memory, for one node: lost on restart, not shared. Thread-safe:
 * updates are serialised; futures are already complete.
 */
public final class InMemorySignpostBoard implements SignpostBoard {
    private SignpostTally tally = SignpostTally.empty();

    @Override
    public synchronized Future<SignpostTally> tallyFor(List<Cafe> cafes, Instant at) {
        return Future.succeededFuture(tally);
    }

    @Override
    public synchronized Future<Map<String, Integer>> countsOn(Instant at) {
        Map<String, Integer> counts = new TreeMap<>();
        tally.countsOn(LocalDate.ofInstant(at, WeeklyHours.ENGLAND)).forEach((cafe, n) -> counts.put(cafe.value(), n));
        return Future.succeededFuture(counts);
    }

    @Override
    public Future<Recorded> recordAll(List<Cafe> cafes, Instant at) {
        return Future.succeededFuture(cafes).map(named -> CafeSignposts.of(named, at))
                .compose(signposts -> count(signposts, at));
    }

    private synchronized Future<Recorded> count(List<CafeSignposts> signposts, Instant at) {
        SignpostTally next = tally;
        for (CafeSignposts signpost : signposts) {
            for (int i = 0; i < signpost.count(); i++) {
                Result<SignpostTally> recorded = next.record(signpost.cafe(), signpost.session(), at);
                if (recorded instanceof Result.Rejected<SignpostTally>) {
                    return Future.failedFuture(signpost.full(tally.count(signpost.cafe().id(),
                            signpost.session().serviceDate())));
                }
                next = recorded.orElseThrow();
            }
        }
        tally = next;
        return Future.succeededFuture(new Recorded(signposts));
    }

    @Override
    public synchronized Future<Void> undo(Recorded change) {
        for (CafeSignposts signpost : change.signposts()) {
            LocalDate evening = signpost.session().serviceDate();
            int left = Math.max(0, tally.count(signpost.cafe().id(), evening) - signpost.count());
            tally = tally.withCount(signpost.cafe().id(), evening, left);
        }
        return Future.succeededFuture();
    }
}
