package org.crisisline.server.announce.redis;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.crisisline.server.announce.AnnouncerLeases;
import org.crisisline.server.announce.AnnouncerLeasesContract;
import org.crisisline.server.redis.LocalRedis;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;

/**
 * The Redis announcer leases against a real Redis at 127.0.0.1:6379, under a key prefix of their own. A
 * lease lapses on Redis's own clock (the key's expiry), so letting it lapse waits a little real time.
 */
@DisplayName("announcer leases in Redis")
class RedisAnnouncerLeasesTest extends AnnouncerLeasesContract {
    private final LocalRedis redis = new LocalRedis("announcers");

    @Override
    protected AnnouncerLeases newLeases() {
        return RedisAnnouncerLeases.create(redis.newClient(), redis.prefix(), Duration.ofSeconds(2));
    }

    @Override
    protected void letLapse(Duration lease) throws InterruptedException {
        TimeUnit.MILLISECONDS.sleep(lease.toMillis() + 200);
    }

    @AfterEach
    void cleanUp() throws Exception {
        redis.close();
    }
}
