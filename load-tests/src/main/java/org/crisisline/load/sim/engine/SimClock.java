package org.crisisline.load.sim.engine;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * A clock the simulation moves by hand. It only goes forward: moving it back would replay time the
 * core has already acted on, which is a bug in the simulation. Not thread-safe: one simulated day
 * owns it.
 */
public final class SimClock extends Clock {
    private Instant now;

    public SimClock(Instant start) {
        this.now = Objects.requireNonNull(start, "start");
    }

    /** Moves the clock to {@code at}, which must not be before now. */
    public void advanceTo(Instant at) {
        if (at.isBefore(now)) {
            throw new IllegalStateException("the simulated clock cannot go back from " + now + " to " + at);
        }
        now = at;
    }

    @Override
    public Instant instant() {
        return now;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("the simulated clock is always UTC");
    }
}
