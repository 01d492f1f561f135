package org.crisisline.queue.ordering;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.NoSuchElementException;
import java.util.TreeSet;
import org.crisisline.queue.config.QueueConfig;
import org.crisisline.queue.model.Call;
import org.crisisline.queue.model.CallId;
import org.crisisline.queue.model.Tier;

/**
 * The order in which waiting callers are served.
 *
 * <p>With {@link QueueConfig.Ordering#TIERED}, tier-1 callers form their own line, always ahead of
 * everyone else, so no lower tier can ever overtake them. Everyone else is ordered by a
 * <em>place key</em>: join time plus the tier's aging handicap. The key never changes while a
 * caller waits, so the order is stable (a caller on virtual hold or put back after an unanswered
 * offer keeps their place), and the handicap is bounded, so a lower-tier caller is overtaken only by
 * callers who joined at most the handicap later: waiting always raises their priority and nobody is
 * starved. With {@link QueueConfig.Ordering#FIFO} the key is the join time for every tier.
 *
 * <p>Not thread-safe: owned by one queue core (single writer).
 */
public final class WaitingLine {
    private static final Comparator<Place> BY_KEY =
            Comparator.comparingLong(Place::key).thenComparing(Place::call);

    private final QueueConfig config;
    private final NavigableSet<Place> tierOne = new TreeSet<>(BY_KEY);
    private final NavigableSet<Place> others = new TreeSet<>(BY_KEY);
    private final Map<CallId, Place> places = new HashMap<>();
    private final Map<Tier, Integer> countByTier = new EnumMap<>(Tier.class);

    /** A caller's place: the key that orders them and the tier that chose the line. */
    public record Place(CallId call, Tier tier, long key) {
    }

    public WaitingLine(QueueConfig config) {
        this.config = config;
    }

    /** Adds the call at the place its join time and tier give it. Adding a call already in line moves it. */
    public void add(Call call) {
        remove(call.id());
        Place place = new Place(call.id(), call.tier(), placeKey(call.tier(), call.joinedAt()));
        lineFor(call.tier()).add(place);
        places.put(call.id(), place);
        countByTier.merge(call.tier(), 1, Integer::sum);
    }

    public boolean remove(CallId id) {
        Place place = places.remove(id);
        if (place == null) {
            return false;
        }
        lineFor(place.tier()).remove(place);
        countByTier.merge(place.tier(), -1, Integer::sum);
        return true;
    }

    public boolean contains(CallId id) {
        return places.containsKey(id);
    }

    public int size() {
        return places.size();
    }

    public int count(Tier tier) {
        return countByTier.getOrDefault(tier, 0);
    }

    /** The key that orders a caller of this tier who joined at this moment (epoch milliseconds). */
    public long placeKey(Tier tier, Instant joinedAt) {
        long joined = joinedAt.toEpochMilli();
        if (config.ordering() == QueueConfig.Ordering.FIFO || tier == Tier.IMMEDIATE_RISK) {
            return joined;
        }
        return joined + config.rule(tier).agingHandicap().toMillis();
    }

    public long keyOf(CallId id) {
        Place place = places.get(id);
        if (place == null) {
            throw new NoSuchElementException("not waiting: " + id);
        }
        return place.key();
    }

    /**
     * How many waiting callers would be served before a caller of this tier joining now.
     * Linear in the size of the line: for estimates, not for dispatch.
     */
    public int countAhead(Tier tier, Instant now) {
        if (tier == Tier.IMMEDIATE_RISK && config.ordering() == QueueConfig.Ordering.TIERED) {
            return tierOne.size();
        }
        Place probe = new Place(new CallId("\uffff"), tier, placeKey(tier, now));
        return tierOne.size() + others.headSet(probe, true).size();
    }

    /** Places in serving order: every tier-1 caller first, then the rest by key. */
    public Iterator<Place> inOrder() {
        return new ConcatIterator(tierOne.iterator(), others.iterator());
    }

    /** The first {@code limit} calls in serving order (for dashboards and snapshots). */
    public List<CallId> firstInOrder(int limit) {
        List<CallId> ids = new ArrayList<>(Math.min(limit, places.size()));
        Iterator<Place> it = inOrder();
        while (it.hasNext() && ids.size() < limit) {
            ids.add(it.next().call());
        }
        return ids;
    }

    private NavigableSet<Place> lineFor(Tier tier) {
        boolean separate = tier == Tier.IMMEDIATE_RISK && config.ordering() == QueueConfig.Ordering.TIERED;
        return separate ? tierOne : others;
    }

    private static final class ConcatIterator implements Iterator<Place> {
        private final Iterator<Place> first;
        private final Iterator<Place> second;

        ConcatIterator(Iterator<Place> first, Iterator<Place> second) {
            this.first = first;
            this.second = second;
        }

        @Override
        public boolean hasNext() {
            return first.hasNext() || second.hasNext();
        }

        @Override
        public Place next() {
            return first.hasNext() ? first.next() : second.next();
        }
    }
}
