package org.crisisline.server.pathway.rules;

import java.util.Objects;
import org.crisisline.queue.model.Tier;

/** What the pathway rules need to know about the call: the caller's tier and whether the operative found clinical risk. */
public record CallContext(Tier tier, boolean clinicalRisk) {
    public CallContext {
        Objects.requireNonNull(tier, "tier");
    }

    /** Tier 1 or clinical risk: a non-clinical pathway cannot stand alone. */
    public boolean needsClinicalCover() {
        return tier.isImmediateRisk() || clinicalRisk;
    }
}
