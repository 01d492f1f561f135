package org.crisisline.load.sim;

import java.time.Duration;

/** Converts between the day file's seconds (possibly fractional) and the core's millisecond durations. */
public final class Seconds {
    private Seconds() {
    }

    /** Rounded to the millisecond, the core's resolution. */
    public static Duration toDuration(double seconds) {
        return Duration.ofMillis(Math.round(seconds * 1000));
    }

    public static double of(Duration duration) {
        return duration.toMillis() / 1000.0;
    }
}
