package org.crisisline.server.http.admin;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.crisisline.queue.callback.Rota;
import org.crisisline.queue.config.QueueConfig;
import org.crisisline.queue.config.TierRule;
import org.crisisline.queue.model.OperativeId;
import org.crisisline.queue.model.Tier;
import org.crisisline.server.pathway.cafe.Cafe;
import org.crisisline.server.pathway.cmht.CmhtDirectory;

/**
 * Everything a telephony admin configures, one {@link ConfigRepository} per section, with typed readers for
 * the rest of the API (the operative routes read the directories and skills from here, so an admin's change
 * shows at once). {@link #demo} starts from {@code admin-demo.json} (a crisis line, demo operatives, a CMHT
 * team and a café) and the queue's own tier rules. Thread-safe: the repositories are.
 */
public final class AdminConfig {
    public static final String DEMO_RESOURCE = "admin-demo.json";

    private final ConfigRepository<List<LineSetting>> lines;
    private final ConfigRepository<Map<Tier, TierSetting>> tiers;
    private final ConfigRepository<Rota> rota;
    private final ConfigRepository<CmhtDirectory> cmht;
    private final ConfigRepository<List<Cafe>> cafes;
    private final ConfigRepository<Map<OperativeId, OperativeSetting>> operatives;

    /**
     * Starts from {@code initial}: one JSON array per section name ({@code lines}, {@code tiers},
     * {@code rota}, {@code cmht}, {@code cafes}, {@code operatives}; a missing one is empty). An invalid
     * section fails with an {@link IllegalArgumentException} naming it.
     */
    public AdminConfig(JsonObject initial, Function<Rota, Future<Void>> rotaToQueue, Instant at) {
        Objects.requireNonNull(initial, "initial");
        this.lines = repository(new LinesSection(), initial, at);
        this.tiers = repository(new TiersSection(), initial, at);
        this.rota = repository(new RotaSection(rotaToQueue), initial, at);
        this.cmht = repository(new CmhtSection(), initial, at);
        this.cafes = repository(new CafesSection(), initial, at);
        this.operatives = repository(new OperativesSection(), initial, at);
    }

    /** The demo configuration, with tiers as the queue is configured. */
    public static AdminConfig demo(QueueConfig queue, Function<Rota, Future<Void>> rotaToQueue, Instant at) {
        JsonObject initial = new JsonObject(resource(DEMO_RESOURCE)).put("tiers", tiersOf(queue));
        return new AdminConfig(initial, rotaToQueue, at);
    }

    /** The tiers section as {@code queue} has them. */
    public static JsonArray tiersOf(QueueConfig queue) {
        JsonArray out = new JsonArray();
        for (Tier tier : Tier.values()) {
            TierRule rule = queue.rule(tier);
            JsonObject item = new JsonObject()
                    .put("tier", tier.number())
                    .put("answerTargetSeconds", rule.answerTarget().toSeconds())
                    .put("recoverySeconds", rule.recoveryAfter().toSeconds());
            rule.callbackOfferAbove().ifPresent(d -> item.put("callbackOfferAboveSeconds", d.toSeconds()));
            out.add(item);
        }
        return out;
    }

    /** Every repository, in the order the admin API lists them. */
    public List<ConfigRepository<?>> repositories() {
        return List.of(lines, tiers, rota, cmht, cafes, operatives);
    }

    public CmhtDirectory cmhtDirectory() {
        return cmht.value();
    }

    public List<Cafe> cafes() {
        return cafes.value();
    }

    public Map<OperativeId, OperativeSetting> operatives() {
        return operatives.value();
    }

    public List<LineSetting> lines() {
        return lines.value();
    }

    public Map<Tier, TierSetting> tiers() {
        return tiers.value();
    }

    public Rota rota() {
        return rota.value();
    }

    private static <T> ConfigRepository<T> repository(ConfigSection<T> section, JsonObject initial, Instant at) {
        JsonArray items = initial.getJsonArray(section.name(), new JsonArray());
        return new ConfigRepository<>(section, items, at);
    }

    private static String resource(String name) {
        try (InputStream in = AdminConfig.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is missing from the build");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
