package org.crisisline.server.signpost;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.crisisline.server.auth.web.ApiError;
import org.crisisline.server.pathway.cafe.Cafe;
import org.crisisline.server.pathway.cafe.CafeId;
import org.crisisline.server.pathway.hours.Session;

/**
 * {@code count} signposts to one café for one session (its evening is the session's service date). Pure.
 */
public record CafeSignposts(Cafe cafe, Session session, int count) {
    public CafeSignposts {
        Objects.requireNonNull(cafe, "cafe");
        Objects.requireNonNull(session, "session");
        if (count < 1) {
            throw new IllegalArgumentException("at least one signpost");
        }
    }

    /**
     * The signposts an outcome naming {@code cafes} at {@code at} makes, one entry per café and evening (a café
     * named twice counts twice), in the order first named; a café with no session now or to come is 422
     * {@code cafe-closed}.
     */
    public static List<CafeSignposts> of(List<Cafe> cafes, Instant at) {
        record CafeEvening(CafeId cafe, Session session) {
        }
        Map<CafeEvening, Integer> counts = new LinkedHashMap<>();
        Map<CafeEvening, Cafe> named = new LinkedHashMap<>();
        for (Cafe cafe : cafes) {
            Session session = cafe.sessionToSignpost(at).orElseThrow(() ->
                    new ApiError(422, "cafe-closed", cafe.name() + " has no session to signpost to."));
            CafeEvening key = new CafeEvening(cafe.id(), session);
            counts.merge(key, 1, Integer::sum);
            named.putIfAbsent(key, cafe);
        }
        List<CafeSignposts> signposts = new ArrayList<>();
        counts.forEach((key, count) -> signposts.add(new CafeSignposts(named.get(key), key.session(), count)));
        return List.copyOf(signposts);
    }

    /** 422 {@code cafe-full}: the answer when these signposts would go beyond the café's capacity. */
    public ApiError full(int alreadyCounted) {
        return new ApiError(422, "cafe-full", cafe.name() + " is full for the evening of " + session.serviceDate()
                + " (" + alreadyCounted + " of " + cafe.capacityPerEvening() + " signposted)");
    }
}
