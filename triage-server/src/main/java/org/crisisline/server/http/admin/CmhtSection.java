package org.crisisline.server.http.admin;

import io.vertx.core.json.JsonArray;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.crisisline.server.http.JsonInput;
import org.crisisline.server.pathway.cmht.CmhtDirectory;
import org.crisisline.server.pathway.cmht.CmhtTeam;
import org.crisisline.server.pathway.cmht.DutyLine;
import org.crisisline.server.pathway.cmht.GpPracticeCode;
import org.crisisline.server.pathway.cmht.TeamId;

/**
 * The CMHT directory: {@code [{"id": "leeds-west", "name": "...", "districts": ["LS6"], "gpPractices":
 * ["B86001"], "referralEndpoint": "leeds-west-fhir", "dutyLine": {"number": "+441130000100", "hours":
 * [{"day": "MONDAY", "opens": "09:00", "closes": "17:00"}]}}]}. Validated by building a
 * {@link CmhtDirectory}, so a district or practice claimed by two teams is refused.
 */
public final class CmhtSection implements ConfigSection<CmhtDirectory> {
    @Override
    public String name() {
        return "cmht";
    }

    @Override
    public CmhtDirectory parse(JsonArray items) {
        List<CmhtTeam> teams = Items.each(items,
                new String[] {"id", "name", "districts", "gpPractices", "referralEndpoint", "dutyLine"},
                CmhtSection::team);
        try {
            return new CmhtDirectory(teams);
        } catch (IllegalArgumentException e) {
            throw ConfigSection.invalid("items", e.getMessage());
        }
    }

    private static CmhtTeam team(JsonInput item, String where) {
        String id = item.string("id", 64);
        if (!id.matches("[a-z0-9-]{1,64}")) {
            throw ConfigSection.invalid(item.name("id"), "an id is lower case letters, digits and '-'");
        }
        Set<GpPracticeCode> practices = new HashSet<>();
        for (String raw : item.strings("gpPractices", 2_000, 10)) {
            practices.add(GpPracticeCode.parse(raw).orElseThrow(() ->
                    ConfigSection.invalid(item.name("gpPractices"), "'" + raw + "' is not a GP practice code")));
        }
        JsonInput duty = item.object("dutyLine", "number", "hours");
        try {
            DutyLine dutyLine = new DutyLine(duty.string("number", 16), Items.hours(duty, "hours"));
            return new CmhtTeam(TeamId.of(id), item.string("name", 120), Items.districts(item, "districts"),
                    practices, item.string("referralEndpoint", 120), dutyLine);
        } catch (IllegalArgumentException e) {
            throw ConfigSection.invalid(where, e.getMessage());
        }
    }
}
