package org.crisisline.server.http.admin;

import io.vertx.core.json.JsonArray;
import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.BiFunction;
import org.crisisline.queue.model.Language;
import org.crisisline.server.http.JsonInput;
import org.crisisline.server.pathway.PostcodeDistrict;
import org.crisisline.server.pathway.hours.OpeningSpan;
import org.crisisline.server.pathway.hours.WeeklyHours;

/**
 * What the sections share when reading items: each item of an array as a strict {@link JsonInput} named
 * {@code items[i]}, unique ids, postcode districts, languages, opening hours and enum names. Every failure
 * is a 4xx naming where it is. Stateless.
 */
final class Items {
    static final int MAX_ITEMS = 2_000;

    private Items() {
    }

    /** Reads every item with {@code reader}, which gets the item and its name. */
    static <T> List<T> each(JsonArray items, String[] fields, BiFunction<JsonInput, String, T> reader) {
        if (items.size() > MAX_ITEMS) {
            throw ConfigSection.invalid("items", "at most " + MAX_ITEMS + " items");
        }
        List<T> out = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            String where = "items[" + i + "]";
            out.add(reader.apply(JsonInput.nested(items.getValue(i), where, fields), where));
        }
        return out;
    }

    static void unique(List<String> ids, String what) {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < ids.size(); i++) {
            if (!seen.add(ids.get(i))) {
                throw ConfigSection.invalid("items[" + i + "]", what + " '" + ids.get(i) + "' appears twice");
            }
        }
    }

    static Set<PostcodeDistrict> districts(JsonInput item, String field) {
        Set<PostcodeDistrict> out = new HashSet<>();
        for (String raw : item.strings(field, 500, 8)) {
            out.add(PostcodeDistrict.parse(raw).orElseThrow(() ->
                    ConfigSection.invalid(item.name(field), "'" + raw + "' is not a postcode district")));
        }
        return out;
    }

    static Set<Language> languages(JsonInput item, String field) {
        Set<Language> out = new HashSet<>();
        for (String code : item.strings(field, 200, 8)) {
            if (!code.matches("[a-z]{2,3}")) {
                throw ConfigSection.invalid(item.name(field),
                        "'" + code + "' is not a language code (e.g. cy, pl, bsl)");
            }
            out.add(Language.of(code));
        }
        return out;
    }

    /** Opening hours: {@code [{"day": "MONDAY", "opens": "18:00", "closes": "23:00"}]}, in England's time. */
    static WeeklyHours hours(JsonInput item, String field) {
        JsonArray spans = item.array(field, 100);
        List<OpeningSpan> out = new ArrayList<>();
        for (int i = 0; i < spans.size(); i++) {
            String where = item.name(field) + "[" + i + "]";
            JsonInput span = JsonInput.nested(spans.getValue(i), where, "day", "opens", "closes");
            DayOfWeek day = enumOf(DayOfWeek.class, span.string("day", 16), span.name("day"));
            try {
                out.add(OpeningSpan.of(day, span.string("opens", 5), span.string("closes", 5)));
            } catch (RuntimeException e) {
                throw ConfigSection.invalid(where, "opening times are HH:mm, opening before closing");
            }
        }
        return WeeklyHours.inEngland(out);
    }

    static <E extends Enum<E>> E enumOf(Class<E> type, String raw, String where) {
        String name = raw.strip().toUpperCase(Locale.ROOT).replace('-', '_');
        for (E value : type.getEnumConstants()) {
            if (value.name().equals(name)) {
                return value;
            }
        }
        throw ConfigSection.invalid(where, "'" + raw + "' is not one of " + List.of(type.getEnumConstants()));
    }
}
