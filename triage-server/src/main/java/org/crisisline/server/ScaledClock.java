package org.crisisline.server;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * A clock that starts at the base clock's time and runs {@code scale} times faster: the demo's
 * simulated time, so that recovery times and callbacks pass as fast as the simulated PBX's calls.
 * With scale 1 it is the base clock. Thread-safe and immutable.
 */
public final class ScaledClock extends Clock {
    private final Clock base;
    private final Instant origin;
    private final double scale;

    public ScaledClock(Clock base, double scale) {
        this(base, base.instant(), scale);
    }

    private ScaledClock(Clock base, Instant origin, double scale) {
        this.base = Objects.requireNonNull(base, "base");
        this.origin = origin;
        if (!(scale > 0) || Double.isInfinite(scale)) {
            throw new IllegalArgumentException("time-scale: must be > 0");
        }
        this.scale = scale;
    }

    @Override
    public Instant instant() {
        Duration real = Duration.between(origin, base.instant());
        return origin.plusNanos((long) (real.toNanos() * scale));
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }
}
