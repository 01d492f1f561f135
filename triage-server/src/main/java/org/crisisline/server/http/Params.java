package org.crisisline.server.http;

import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.crisisline.queue.model.CallId;
import org.crisisline.queue.model.Tier;
import org.crisisline.server.auth.web.ApiError;

/**
 * Path and query parameters, validated: a bad value is a 400 {@link ApiError} naming the parameter
 * ({@code bad-parameter}), a repeated query parameter is refused, nothing is trimmed silently. Stateless.
 */
public final class Params {
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    private Params() {
    }

    public static CallId callId(RoutingContext rc) {
        return CallId.of(id(rc.pathParam("id"), "id"));
    }

    /** An id made of letters, digits and {@code . _ : -}, 1 to 128 characters. */
    public static String id(String raw, String name) {
        if (raw == null || !ID.matcher(raw).matches()) {
            throw ApiError.badRequest("bad-parameter", "'" + name + "' must be 1 to 128 letters, digits or . _ : -");
        }
        return raw;
    }

    public static Optional<String> query(RoutingContext rc, String name, int maxLength) {
        List<String> values = rc.queryParam(name);
        if (values.size() > 1) {
            throw ApiError.badRequest("bad-parameter", "Give '" + name + "' at most once.");
        }
        if (values.isEmpty() || values.get(0).isEmpty()) {
            return Optional.empty();
        }
        String value = values.get(0);
        if (value.length() > maxLength) {
            throw ApiError.badRequest("bad-parameter", "'" + name + "' has at most " + maxLength + " characters.");
        }
        return Optional.of(value);
    }

    public static String requiredQuery(RoutingContext rc, String name, int maxLength) {
        return query(rc, name, maxLength).orElseThrow(() ->
                ApiError.badRequest("bad-parameter", "The query parameter '" + name + "' is required."));
    }

    /** A tier as leads and the IVR number it: 1, 2, 3 or 4 (check-in). */
    public static Tier tier(int number, String field) {
        if (number < 1 || number > 4) {
            throw ApiError.badRequest("out-of-range", "'" + field + "' is a tier from 1 to 4.");
        }
        return Tier.ofNumber(number);
    }
}
