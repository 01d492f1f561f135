package org.crisisline.load.sim.day;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Typed access to one JSON object of a day file. Every failure is an {@link InvalidDayFileException}
 * naming the field by its dotted path, so the reader never has to build a message itself.
 */
final class JsonFields {
    private final JsonNode node;
    private final String path;

    private JsonFields(JsonNode node, String path) {
        this.node = node;
        this.path = path;
    }

    /** The whole file, which must be a JSON object. */
    static JsonFields root(JsonNode node) {
        if (node == null || !node.isObject()) {
            throw new InvalidDayFileException("", "a day file is a JSON object ({ ... })");
        }
        return new JsonFields(node, "");
    }

    String pathOf(String name) {
        return path.isEmpty() ? name : path + "." + name;
    }

    boolean has(String name) {
        return node.has(name) && !node.get(name).isNull();
    }

    /** Fails on any key not in {@code known}: a misspelt key must not silently fall back to a default. */
    void allowOnly(Set<String> known) {
        Set<String> unknown = new TreeSet<>();
        node.fieldNames().forEachRemaining(unknown::add);
        unknown.removeAll(known);
        if (!unknown.isEmpty()) {
            String first = unknown.iterator().next();
            throw new InvalidDayFileException(pathOf(first), "is not a day-file field (known here: "
                    + String.join(", ", new TreeSet<>(known)) + ")");
        }
    }

    JsonFields object(String name) {
        JsonNode value = required(name);
        if (!value.isObject()) {
            throw new InvalidDayFileException(pathOf(name), "must be an object ({ ... })");
        }
        return new JsonFields(value, pathOf(name));
    }

    /** The object's entries in the file's order. */
    List<Map.Entry<String, JsonNode>> entries() {
        return new ArrayList<>(node.properties());
    }

    String text(String name) {
        JsonNode value = required(name);
        if (!value.isTextual() || value.asText().isBlank()) {
            throw new InvalidDayFileException(pathOf(name), "must be a non-empty string");
        }
        return value.asText().trim();
    }

    long wholeNumber(String name) {
        JsonNode value = required(name);
        if (!value.isIntegralNumber() || !value.canConvertToLong()) {
            throw new InvalidDayFileException(pathOf(name), "must be a whole number (got " + value + ")");
        }
        return value.asLong();
    }

    int count(String name) {
        return countAt(required(name), pathOf(name));
    }

    double nonNegative(String name) {
        return nonNegativeAt(required(name), pathOf(name));
    }

    double positive(String name) {
        double value = nonNegative(name);
        if (value == 0) {
            throw new InvalidDayFileException(pathOf(name), "must be greater than 0");
        }
        return value;
    }

    double fraction(String name) {
        return fractionAt(required(name), pathOf(name));
    }

    /** An array of exactly {@code size} elements. */
    List<JsonNode> array(String name, int size) {
        JsonNode value = required(name);
        if (!value.isArray()) {
            throw new InvalidDayFileException(pathOf(name), "must be an array ([ ... ])");
        }
        if (value.size() != size) {
            throw new InvalidDayFileException(pathOf(name),
                    "expected " + size + " entries, got " + value.size());
        }
        List<JsonNode> elements = new ArrayList<>(size);
        value.forEach(elements::add);
        return elements;
    }

    List<Double> nonNegativeNumbers(String name, int size) {
        List<JsonNode> elements = array(name, size);
        List<Double> numbers = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            numbers.add(nonNegativeAt(elements.get(i), pathOf(name) + "[" + i + "]"));
        }
        return numbers;
    }

    List<Integer> counts(String name, int size) {
        List<JsonNode> elements = array(name, size);
        List<Integer> counts = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            counts.add(countAt(elements.get(i), pathOf(name) + "[" + i + "]"));
        }
        return counts;
    }

    static double numberAt(JsonNode value, String at) {
        if (!value.isNumber() || !Double.isFinite(value.asDouble())) {
            throw new InvalidDayFileException(at, "must be a number (got " + value + ")");
        }
        return value.asDouble();
    }

    static double nonNegativeAt(JsonNode value, String at) {
        double number = numberAt(value, at);
        if (number < 0) {
            throw new InvalidDayFileException(at, "must not be negative (got " + value + ")");
        }
        return number;
    }

    static double fractionAt(JsonNode value, String at) {
        double number = nonNegativeAt(value, at);
        if (number > 1) {
            throw new InvalidDayFileException(at, "must be between 0 and 1 (got " + value + ")");
        }
        return number;
    }

    static int countAt(JsonNode value, String at) {
        if (!value.isIntegralNumber() || !value.canConvertToInt()) {
            throw new InvalidDayFileException(at, "must be a whole number (got " + value + ")");
        }
        if (value.asInt() < 0) {
            throw new InvalidDayFileException(at, "must not be negative (got " + value + ")");
        }
        return value.asInt();
    }

    private JsonNode required(String name) {
        if (!has(name)) {
            throw new InvalidDayFileException(pathOf(name), "is missing");
        }
        return node.get(name);
    }
}
