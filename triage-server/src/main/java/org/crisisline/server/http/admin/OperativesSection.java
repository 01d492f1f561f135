package org.crisisline.server.http.admin;

import io.vertx.core.json.JsonArray;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.crisisline.queue.model.OperativeId;
import org.crisisline.queue.model.Skills;

/**
 * Operatives and their skills: {@code [{"id": "op1", "displayName": "Operative One", "clinical": true,
 * "clinicalLead": false, "languages": ["cy"]}]}. The id is the queue's operative id (and, for the demo
 * accounts, the username). An operative logs on to the queue with these skills when they first say they are
 * ready; a change applies from their next log-on.
 */
public final class OperativesSection implements ConfigSection<Map<OperativeId, OperativeSetting>> {
    @Override
    public String name() {
        return "operatives";
    }

    @Override
    public Map<OperativeId, OperativeSetting> parse(JsonArray items) {
        List<OperativeSetting> operatives = Items.each(items,
                new String[] {"id", "displayName", "clinical", "clinicalLead", "languages"}, (item, where) -> {
                    String id = item.string("id", 64);
                    if (!id.matches("[a-z0-9._-]{1,64}")) {
                        throw ConfigSection.invalid(item.name("id"),
                                "an id is lower case letters, digits, '.', '_' or '-'");
                    }
                    Skills skills = new Skills(item.bool("clinical"), item.optionalBool("clinicalLead", false),
                            Items.languages(item, "languages"));
                    return new OperativeSetting(OperativeId.of(id), item.string("displayName", 120), skills);
                });
        Items.unique(operatives.stream().map(o -> o.id().value()).toList(), "operative id");
        Map<OperativeId, OperativeSetting> byId = new LinkedHashMap<>();
        operatives.forEach(o -> byId.put(o.id(), o));
        return Map.copyOf(byId);
    }
}
