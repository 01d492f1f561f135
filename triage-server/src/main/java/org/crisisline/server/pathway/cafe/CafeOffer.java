package org.crisisline.server.pathway.cafe;

import java.time.Instant;
import java.util.Objects;
import org.crisisline.server.pathway.hours.Session;

/**
 * A café the operative may offer: the session the caller would go to (open now, or opening soon), how
 * many callers were signposted to that session so far and how many places are left.
 */
public record CafeOffer(Cafe cafe, Session session, boolean openNow, int signpostedSoFar) {
    public CafeOffer {
        Objects.requireNonNull(cafe, "cafe");
        Objects.requireNonNull(session, "session");
    }

    public int placesLeft() {
        return cafe.capacityPerEvening() - signpostedSoFar;
    }

    public Instant opensAt() {
        return session.start().toInstant();
    }
}
