package org.crisisline.server.auth.web;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * Strict reading of a JSON object request body: the content type must be JSON (415), the body a JSON
 * object (400 {@code malformed-json}), no field beyond those named ({@code unknown-field}), and each field
 * present ({@code missing-field}), of the right type ({@code wrong-type}) and size ({@code too-long}).
 * Each failure is an {@link ApiError} thrown before anything is changed. The size limit of the whole body
 * is {@code BodyHandler}'s (413). Use on the event loop, one request at a time.
 */
public final class JsonBody {
    private final JsonObject json;

    private JsonBody(JsonObject json) {
        this.json = json;
    }

    /** The body of {@code rc}, which must have passed a {@code BodyHandler}. */
    public static JsonBody of(RoutingContext rc) {
        String type = rc.request().getHeader("Content-Type");
        String mediaType = type == null ? "" : type.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        if (!mediaType.equals("application/json")) {
            throw new ApiError(415, "unsupported-media-type", "Send the body as application/json.");
        }
        if (rc.body() == null || rc.body().buffer() == null || rc.body().length() == 0) {
            throw ApiError.badRequest("malformed-json", "The body is empty; send a JSON object.");
        }
        Object parsed;
        try {
            parsed = rc.body().buffer().toJsonValue();
        } catch (DecodeException e) {
            throw ApiError.badRequest("malformed-json", "The body is not valid JSON.");
        }
        if (!(parsed instanceof JsonObject object)) {
            throw ApiError.badRequest("malformed-json", "The body must be a JSON object.");
        }
        return new JsonBody(object);
    }

    /** Refuses any field not in {@code allowed}, naming the first one. */
    public JsonBody onlyFields(String... allowed) {
        Set<String> unknown = new TreeSet<>(json.fieldNames());
        unknown.removeAll(Arrays.asList(allowed));
        if (!unknown.isEmpty()) {
            throw ApiError.badRequest("unknown-field", "Unknown field '" + shorten(unknown.iterator().next())
                    + "'; allowed: " + String.join(", ", allowed) + ".");
        }
        return this;
    }

    /** A required, non-empty string field of at most {@code maxLength} characters. */
    public String requiredString(String field, int maxLength) {
        if (!json.containsKey(field) || json.getValue(field) == null) {
            throw ApiError.badRequest("missing-field", "The field '" + field + "' is required.");
        }
        if (!(json.getValue(field) instanceof String value)) {
            throw ApiError.badRequest("wrong-type", "The field '" + field + "' must be a string.");
        }
        if (value.isEmpty()) {
            throw ApiError.badRequest("missing-field", "The field '" + field + "' must not be empty.");
        }
        if (value.length() > maxLength) {
            throw ApiError.badRequest("too-long", "The field '" + field + "' has at most " + maxLength
                    + " characters.");
        }
        return value;
    }

    private static String shorten(String name) {
        return name.length() <= 40 ? name : name.substring(0, 40) + "...";
    }
}
