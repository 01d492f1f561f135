package org.crisisline.queue.model;

import java.util.Objects;

/**
 * The groups a caller belongs to that leads compare waits and abandonment across (DOMAIN.md, "What
 * clinical leads watch": gaps between groups of callers): the line they rang, where the call came from
 * and the language they asked for. Never who they are.
 */
public record CallerGroup(Line line, CallSource source, Language language) {
    public CallerGroup {
        Objects.requireNonNull(line, "line");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(language, "language");
    }

    public static CallerGroup of(Call call) {
        return new CallerGroup(call.line(), call.source(), call.language());
    }
}
