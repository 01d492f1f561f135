package org.crisisline.server.http.admin;

import java.util.Objects;
import org.crisisline.queue.model.Line;

/** One inbound number (DID) and the line it rings, as a telephony admin configures it. Immutable. */
public record LineSetting(Line line, String did, String name, boolean enabled) {
    public LineSetting {
        Objects.requireNonNull(line, "line");
        Objects.requireNonNull(did, "did");
        Objects.requireNonNull(name, "name");
    }
}
