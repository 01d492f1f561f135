package org.crisisline.server.http.admin;

import io.vertx.core.json.JsonArray;
import java.util.List;
import org.crisisline.queue.model.Line;

/**
 * Lines: {@code [{"line": "CRISIS", "did": "+441130000001", "name": "Crisis line", "enabled": true}]}. A DID
 * is the service's number in E.164 (never a caller's), each used once; outbound is not a line one dials
 * in on; at least one crisis line stays enabled, because it runs 24/7.
 */
public final class LinesSection implements ConfigSection<List<LineSetting>> {
    @Override
    public String name() {
        return "lines";
    }

    @Override
    public List<LineSetting> parse(JsonArray items) {
        List<LineSetting> lines = Items.each(items, new String[] {"line", "did", "name", "enabled"}, (item, where) -> {
            Line line = Items.enumOf(Line.class, item.string("line", 20), item.name("line"));
            if (line == Line.OUTBOUND) {
                throw ConfigSection.invalid(item.name("line"), "OUTBOUND is not an inbound line");
            }
            String did = item.string("did", 16);
            if (!did.matches("\\+[1-9][0-9]{6,14}")) {
                throw ConfigSection.invalid(item.name("did"), "a DID is written in E.164, like +441130000001");
            }
            return new LineSetting(line, did, item.string("name", 80), item.bool("enabled"));
        });
        Items.unique(lines.stream().map(LineSetting::did).toList(), "DID");
        if (lines.stream().noneMatch(l -> l.line() == Line.CRISIS && l.enabled())) {
            throw ConfigSection.invalid("items", "at least one crisis line must stay enabled (it runs 24/7)");
        }
        return List.copyOf(lines);
    }
}
