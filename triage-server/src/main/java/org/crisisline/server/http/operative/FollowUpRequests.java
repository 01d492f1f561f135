package org.crisisline.server.http.operative;

import io.vertx.core.json.JsonArray;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.crisisline.server.auth.web.ApiError;
import org.crisisline.server.callback.NumberToCall;
import org.crisisline.server.http.JsonInput;

/**
 * Reads what a {@code callback} or {@code check-in} pathway of an outcome books (its shape already checked by
 * {@link PathwayChoices}): {@code callback {slotStart, callbackNumber}} and {@code check-in {firstCall,
 * everyDays, calls, consent, callbackNumber}}. The number is the one the operative confirmed with the caller,
 * UK or E.164 (400 {@code bad-number}, the message never repeats it). A check-in series needs the caller's
 * consent (422 {@code no-consent}) and a known end (DOMAIN.md: "a series ends by plan and with notice"), so
 * {@code calls} is required. A time that is not in the future is 422 {@code bad-time}. At most one of each per
 * outcome (400 {@code bad-pathway}). Stateless.
 */
final class FollowUpRequests {
    /** Room for any number as people write it, spaces and brackets included. */
    private static final int MAX_NUMBER_LENGTH = 40;
    /** Half a year of weekly calls: a longer wait is planned again, not booked blind. */
    static final int MAX_CHECK_INS = 26;

    /** A follow-up call the outcome books, with the number to call. */
    sealed interface Request {
        NumberToCall number();
    }

    record Callback(Instant slotStart, NumberToCall number) implements Request {
    }

    record CheckIns(Instant firstCall, Duration every, int calls, NumberToCall number) implements Request {
    }

    private FollowUpRequests() {
    }

    static List<Request> read(JsonArray pathways, Instant now) {
        List<Request> requests = new ArrayList<>();
        for (int i = 0; i < pathways.size(); i++) {
            String where = "pathways[" + i + "]";
            String type = pathways.getJsonObject(i).getString("type");
            if ("callback".equals(type)) {
                requests.add(callback(JsonInput.nested(pathways.getValue(i), where, PathwayChoices.CALLBACK_FIELDS),
                        now));
            } else if ("check-in".equals(type)) {
                requests.add(checkIns(JsonInput.nested(pathways.getValue(i), where, PathwayChoices.CHECK_IN_FIELDS),
                        now));
            }
        }
        if (requests.stream().filter(Callback.class::isInstance).count() > 1
                || requests.stream().filter(CheckIns.class::isInstance).count() > 1) {
            throw ApiError.badRequest("bad-pathway", "An outcome books at most one callback and one check-in series.");
        }
        return requests;
    }

    private static Callback callback(JsonInput in, Instant now) {
        return new Callback(future(in, "slotStart", now), number(in));
    }

    private static CheckIns checkIns(JsonInput in, Instant now) {
        Instant first = future(in, "firstCall", now);
        Duration every = Duration.ofDays(in.integer("everyDays", 1, 90));
        int calls = in.integer("calls", 1, MAX_CHECK_INS);
        if (!in.bool("consent")) {
            throw new ApiError(422, "no-consent", "Check-in calls are booked only when the caller agrees to them.");
        }
        return new CheckIns(first, every, calls, number(in));
    }

    private static Instant future(JsonInput in, String field, Instant now) {
        Instant at = PathwayChoices.instant(in, field);
        if (!at.isAfter(now)) {
            throw new ApiError(422, "bad-time", "'" + in.name(field) + "' must be in the future.");
        }
        return at;
    }

    private static NumberToCall number(JsonInput in) {
        String raw = in.string("callbackNumber", MAX_NUMBER_LENGTH);
        return NumberToCall.parse(raw).orElseThrow(() -> ApiError.badRequest("bad-number", "'"
                + in.name("callbackNumber") + "' is a UK or international phone number, e.g. 07700 900123 or "
                + "+447700900123."));
    }
}
