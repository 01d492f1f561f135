package org.crisisline.server.http.admin;

import io.vertx.core.json.JsonArray;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.crisisline.server.http.JsonInput;
import org.crisisline.server.pathway.cafe.AccessFeature;
import org.crisisline.server.pathway.cafe.Cafe;
import org.crisisline.server.pathway.cafe.CafeId;

/**
 * The crisis café directory: {@code [{"id": "leeds-haven", "name": "...", "address": "...", "phone":
 * "+441130000200", "hours": [{"day": "FRIDAY", "opens": "18:00", "closes": "02:00"}], "areas": ["LS6"],
 * "capacityPerEvening": 8, "languages": ["pl"], "access": ["STEP_FREE"]}]}. Ids are unique; every café
 * serves at least one district and takes at least one caller an evening.
 */
public final class CafesSection implements ConfigSection<List<Cafe>> {
    @Override
    public String name() {
        return "cafes";
    }

    @Override
    public List<Cafe> parse(JsonArray items) {
        List<Cafe> cafes = Items.each(items, new String[] {"id", "name", "address", "phone", "hours", "areas",
                "capacityPerEvening", "languages", "access"}, CafesSection::cafe);
        Items.unique(cafes.stream().map(cafe -> cafe.id().value()).toList(), "café id");
        return List.copyOf(cafes);
    }

    private static Cafe cafe(JsonInput item, String where) {
        String id = item.string("id", 64);
        if (!id.matches("[a-z0-9-]{1,64}")) {
            throw ConfigSection.invalid(item.name("id"), "an id is lower case letters, digits and '-'");
        }
        String phone = item.string("phone", 16);
        if (!phone.matches("\\+?[0-9]{3,15}")) {
            throw ConfigSection.invalid(item.name("phone"), "'" + phone + "' is not a diallable number");
        }
        Set<AccessFeature> access = new HashSet<>();
        for (String raw : item.strings("access", 10, 32)) {
            access.add(Items.enumOf(AccessFeature.class, raw, item.name("access")));
        }
        try {
            return new Cafe(CafeId.of(id), item.string("name", 120), item.string("address", 300), phone,
                    Items.hours(item, "hours"), Items.districts(item, "areas"),
                    item.integer("capacityPerEvening", 1, 1_000), Items.languages(item, "languages"), access);
        } catch (IllegalArgumentException e) {
            throw ConfigSection.invalid(where, e.getMessage());
        }
    }
}
