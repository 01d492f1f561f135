package org.crisisline.server.pathway.cafe;

import java.time.Instant;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.crisisline.server.pathway.PathwayConfigException;
import org.crisisline.server.pathway.hours.Session;

/**
 * Finds the crisis cafés to offer a caller (DOMAIN.md, "Crisis café signposting"): open now or opening
 * within the configured window (and not about to close), covering the caller's district, with places left that evening, speaking
 * the caller's language and meeting all their access needs. Sorted so that the caller can go now and no
 * café is overburdened: open now first, then the soonest to open, then the fewest signposts so far, then
 * by name. An empty list is a normal answer. Immutable and thread-safe; the tally is passed in.
 */
public final class CafeFinder {
    private static final Comparator<CafeOffer> SENSIBLY = Comparator
            .comparing((CafeOffer offer) -> !offer.openNow())
            .thenComparing(offer -> offer.openNow() ? Instant.MIN : offer.opensAt())
            .thenComparingInt(CafeOffer::signpostedSoFar)
            .thenComparing(offer -> offer.cafe().name());

    private final List<Cafe> cafes;
    private final CafeConfig config;

    public CafeFinder(List<Cafe> cafes, CafeConfig config) {
        this.cafes = List.copyOf(cafes);
        this.config = Objects.requireNonNull(config, "config");
        Set<CafeId> seen = new HashSet<>();
        for (Cafe cafe : this.cafes) {
            if (!seen.add(cafe.id())) {
                throw new PathwayConfigException("pathway.cafes." + cafe.id(), "is configured twice");
            }
        }
    }

    public List<CafeOffer> find(CafeNeeds needs, Instant now, SignpostTally tally) {
        return cafes.stream()
                .filter(cafe -> cafe.covers(needs.district()))
                .filter(cafe -> cafe.speaks(needs.language()))
                .filter(cafe -> cafe.offersAll(needs.access()))
                .flatMap(cafe -> offer(cafe, now, tally).stream())
                .filter(offer -> offer.placesLeft() > 0)
                .sorted(SENSIBLY)
                .toList();
    }

    private Optional<CafeOffer> offer(Cafe cafe, Instant now, SignpostTally tally) {
        return usableSession(cafe, now)
                .map(s -> new CafeOffer(cafe, s, s.contains(now), tally.count(cafe.id(), s.serviceDate())));
    }

    /** The session open now with enough time left to get there, or else the next one opening within the window. */
    private Optional<Session> usableSession(Cafe cafe, Instant now) {
        Instant closingTooSoon = now.plus(config.minimumTimeLeft());
        Optional<Session> current = cafe.hours().sessionAt(now)
                .filter(s -> s.end().toInstant().isAfter(closingTooSoon));
        if (current.isPresent()) {
            return current;
        }
        Instant latestOpening = now.plus(config.soonWindow());
        return cafe.hours().nextOpeningAfter(now).filter(s -> !s.start().toInstant().isAfter(latestOpening));
    }
}
