package org.crisisline.server.http.admin;

import io.vertx.core.json.JsonArray;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.crisisline.queue.model.Tier;
import org.crisisline.server.http.Params;

/**
 * Tiers: {@code [{"tier": 1, "answerTargetSeconds": 20, "recoverySeconds": 300}, {"tier": 2, ...,
 * "callbackOfferAboveSeconds": 180}]}: every tier from 1 to 4 exactly once; a tier-1 caller is never offered
 * a callback. The queue reads its tier rules at start: a change here is kept for the next start.
 */
public final class TiersSection implements ConfigSection<Map<Tier, TierSetting>> {
    private static final int DAY = 86_400;

    @Override
    public String name() {
        return "tiers";
    }

    @Override
    public Map<Tier, TierSetting> parse(JsonArray items) {
        List<TierSetting> tiers = Items.each(items,
                new String[] {"tier", "answerTargetSeconds", "callbackOfferAboveSeconds", "recoverySeconds"},
                (item, where) -> {
                    Tier tier = Params.tier(item.integer("tier", 1, 4), item.name("tier"));
                    Optional<Duration> offer = item.optionalInteger("callbackOfferAboveSeconds", 0, DAY)
                            .map(Duration::ofSeconds);
                    if (tier.isImmediateRisk() && offer.isPresent()) {
                        throw ConfigSection.invalid(where, "a tier-1 caller is never offered a callback");
                    }
                    return new TierSetting(tier, Duration.ofSeconds(item.integer("answerTargetSeconds", 1, DAY)),
                            offer, Duration.ofSeconds(item.integer("recoverySeconds", 0, DAY)));
                });
        Items.unique(tiers.stream().map(t -> Integer.toString(t.tier().number())).toList(), "tier");
        if (tiers.size() != Tier.values().length) {
            throw ConfigSection.invalid("items", "give every tier from 1 to 4 exactly once");
        }
        Map<Tier, TierSetting> byTier = new EnumMap<>(Tier.class);
        tiers.forEach(t -> byTier.put(t.tier(), t));
        return Map.copyOf(byTier);
    }
}
