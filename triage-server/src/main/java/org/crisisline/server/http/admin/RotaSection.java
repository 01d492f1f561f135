package org.crisisline.server.http.admin;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import org.crisisline.queue.callback.Rota;
import org.crisisline.server.http.JsonInput;

/**
 * The staff rota that callback slot capacity comes from: {@code [{"start": "2026-11-29T18:00:00Z",
 * "end": "2026-11-29T22:00:00Z", "operatives": 6}]}. Applying it sends {@code SetRota} to the queue (through
 * the function given), so the slots offered follow at once; it is kept only if the queue accepted it.
 */
public final class RotaSection implements ConfigSection<Rota> {
    private final Function<Rota, Future<Void>> toQueue;

    public RotaSection(Function<Rota, Future<Void>> toQueue) {
        this.toQueue = Objects.requireNonNull(toQueue, "toQueue");
    }

    @Override
    public String name() {
        return "rota";
    }

    @Override
    public Rota parse(JsonArray items) {
        List<Rota.Block> blocks = Items.each(items, new String[] {"start", "end", "operatives"}, (item, where) -> {
            Instant start = instant(item, "start");
            Instant end = instant(item, "end");
            if (!end.isAfter(start)) {
                throw ConfigSection.invalid(where, "a block ends after it starts");
            }
            try {
                return new Rota.Block(start, end, item.integer("operatives", 0, 10_000));
            } catch (IllegalArgumentException e) {
                throw ConfigSection.invalid(where, e.getMessage());
            }
        });
        try {
            return new Rota(blocks);
        } catch (IllegalArgumentException e) {
            throw ConfigSection.invalid("items", e.getMessage());
        }
    }

    @Override
    public Future<Void> apply(Rota value) {
        return toQueue.apply(value);
    }

    private static Instant instant(JsonInput item, String field) {
        String raw = item.string(field, 40);
        try {
            return Instant.parse(raw);
        } catch (DateTimeParseException e) {
            throw ConfigSection.invalid(item.name(field),
                    "'" + raw + "' is not an ISO-8601 instant like 2026-11-29T18:00:00Z");
        }
    }
}
