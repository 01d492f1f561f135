package org.crisisline.server.announce.memory;

import java.time.Duration;
import org.crisisline.queue.testing.MutableClock;
import org.crisisline.server.announce.AnnouncerLeases;
import org.crisisline.server.announce.AnnouncerLeasesContract;
import org.junit.jupiter.api.DisplayName;

@DisplayName("announcer leases in memory")
class InMemoryAnnouncerLeasesTest extends AnnouncerLeasesContract {
    private final MutableClock clock = MutableClock.at("2026-11-30T19:00:00Z");

    @Override
    protected AnnouncerLeases newLeases() {
        return new InMemoryAnnouncerLeases(clock);
    }

    @Override
    protected void letLapse(Duration lease) {
        clock.advance(lease.plusMillis(1));
    }
}
