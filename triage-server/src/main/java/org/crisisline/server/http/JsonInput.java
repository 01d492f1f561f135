package org.crisisline.server.http;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.crisisline.server.auth.web.ApiError;
import org.crisisline.server.auth.web.JsonBody;

/**
 * A strictly read JSON object: from a request body (media type, JSON object and allowed fields are
 * checked by {@link JsonBody}) or nested inside one. Each getter throws a 400 {@link ApiError} naming the
 * field ({@code missing-field}, {@code wrong-type}, {@code too-long}, {@code out-of-range}) before anything
 * is changed. Use on the event loop, one request at a time.
 */
public final class JsonInput {
    private final JsonObject json;
    private final String prefix;

    private JsonInput(JsonObject json, String prefix) {
        this.json = json;
        this.prefix = prefix;
    }

    /** The request body, which may hold only {@code allowed} fields. */
    public static JsonInput body(RoutingContext rc, String... allowed) {
        JsonBody.of(rc).onlyFields(allowed);
        return new JsonInput(rc.body().asJsonObject(), "");
    }

    /** A nested object found at {@code where} (for messages, e.g. {@code pathways[0]}). */
    public static JsonInput nested(Object value, String where, String... allowed) {
        if (!(value instanceof JsonObject object)) {
            throw ApiError.badRequest("wrong-type", "'" + where + "' must be an object.");
        }
        JsonInput input = new JsonInput(object, where + ".");
        for (String field : object.fieldNames()) {
            if (!List.of(allowed).contains(field)) {
                throw ApiError.badRequest("unknown-field", "Unknown field '" + input.name(shorten(field))
                        + "'; allowed: " + String.join(", ", allowed) + ".");
            }
        }
        return input;
    }

    public String string(String field, int maxLength) {
        Object value = required(field);
        if (!(value instanceof String text)) {
            throw wrongType(field, "a string");
        }
        if (text.isBlank()) {
            throw ApiError.badRequest("missing-field", "The field '" + name(field) + "' must not be empty.");
        }
        if (text.length() > maxLength) {
            throw ApiError.badRequest("too-long", "The field '" + name(field) + "' has at most " + maxLength
                    + " characters.");
        }
        return text;
    }

    public Optional<String> optionalString(String field, int maxLength) {
        return json.getValue(field) == null ? Optional.empty() : Optional.of(string(field, maxLength));
    }

    public int integer(String field, int min, int max) {
        Object value = required(field);
        if (!(value instanceof Integer || value instanceof Long) || ((Number) value).longValue() < min
                || ((Number) value).longValue() > max) {
            throw ApiError.badRequest("out-of-range", "The field '" + name(field) + "' must be a whole number from "
                    + min + " to " + max + ".");
        }
        return ((Number) value).intValue();
    }

    public boolean bool(String field) {
        Object value = required(field);
        if (!(value instanceof Boolean flag)) {
            throw wrongType(field, "true or false");
        }
        return flag;
    }

    public boolean optionalBool(String field, boolean otherwise) {
        return json.getValue(field) == null ? otherwise : bool(field);
    }

    public JsonArray array(String field, int maxItems) {
        Object value = required(field);
        if (!(value instanceof JsonArray items)) {
            throw wrongType(field, "an array");
        }
        if (items.size() > maxItems) {
            throw ApiError.badRequest("too-long", "The field '" + name(field) + "' has at most " + maxItems
                    + " items.");
        }
        return items;
    }

    /** A required nested object holding only {@code allowed} fields. */
    public JsonInput object(String field, String... allowed) {
        return nested(required(field), name(field), allowed);
    }

    /** An array of non-empty strings, each at most {@code maxLength} characters; empty when absent. */
    public List<String> strings(String field, int maxItems, int maxLength) {
        if (json.getValue(field) == null) {
            return List.of();
        }
        JsonArray items = array(field, maxItems);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            if (!(items.getValue(i) instanceof String text) || text.isBlank() || text.length() > maxLength) {
                throw ApiError.badRequest("wrong-type", "'" + name(field) + "[" + i + "]' must be a string of 1 to "
                        + maxLength + " characters.");
            }
            out.add(text);
        }
        return out;
    }

    public Optional<Integer> optionalInteger(String field, int min, int max) {
        return json.getValue(field) == null ? Optional.empty() : Optional.of(integer(field, min, max));
    }

    /** The field's full name for messages. */
    public String name(String field) {
        return prefix + field;
    }

    private Object required(String field) {
        Object value = json.getValue(field);
        if (value == null) {
            throw ApiError.badRequest("missing-field", "The field '" + name(field) + "' is required.");
        }
        return value;
    }

    private ApiError wrongType(String field, String what) {
        return ApiError.badRequest("wrong-type", "The field '" + name(field) + "' must be " + what + ".");
    }

    private static String shorten(String name) {
        return name.length() <= 40 ? name : name.substring(0, 40) + "...";
    }
}
