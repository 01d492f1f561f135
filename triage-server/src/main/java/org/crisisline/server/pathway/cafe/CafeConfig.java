package org.crisisline.server.pathway.cafe;

import java.time.Duration;
import java.util.Objects;
import org.crisisline.server.pathway.PathwayConfigException;

/**
 * Café finder settings: a café opening within {@code soonWindow} ({@code pathway.cafe.soon-window}) is
 * offered as "opening soon". A negative window fails with its key.
 */
public record CafeConfig(Duration soonWindow) {
    public CafeConfig {
        Objects.requireNonNull(soonWindow, "pathway.cafe.soon-window");
        if (soonWindow.isNegative()) {
            throw new PathwayConfigException("pathway.cafe.soon-window", "must not be negative, was " + soonWindow);
        }
    }

}
