package org.crisisline.server.pathway.rules;

import java.util.List;
import java.util.Objects;

/** A set of pathways {@link PathwayPolicy} has allowed for a call. Only the policy makes one. */
public record PathwayPlan(CallContext context, List<PathwayChoice> choices) {
    public PathwayPlan {
        Objects.requireNonNull(context, "context");
        choices = List.copyOf(choices);
    }
}
