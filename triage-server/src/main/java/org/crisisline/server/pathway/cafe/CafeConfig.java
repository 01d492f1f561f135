package org.crisisline.server.pathway.cafe;

import java.time.Duration;
import java.util.Objects;
import org.crisisline.server.pathway.PathwayConfigException;

/**
 * Café finder settings: a café opening within {@code soonWindow} ({@code pathway.cafe.soon-window}) is
 * offered as "opening soon"; a café that is open but closes within {@code minimumTimeLeft}
 * ({@code pathway.cafe.minimum-time-left}) is not offered for now, as the caller could not get there in
 * time. A negative duration fails with its key.
 */
public record CafeConfig(Duration soonWindow, Duration minimumTimeLeft) {
    public CafeConfig {
        notNegative("pathway.cafe.soon-window", soonWindow);
        notNegative("pathway.cafe.minimum-time-left", minimumTimeLeft);
    }

    private static void notNegative(String key, Duration value) {
        Objects.requireNonNull(value, key);
        if (value.isNegative()) {
            throw new PathwayConfigException(key, "must not be negative, was " + value);
        }
    }
}
