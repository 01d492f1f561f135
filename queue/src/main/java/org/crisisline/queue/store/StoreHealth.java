package org.crisisline.queue.store;

import java.time.Instant;
import java.util.Objects;

/** Whether a store can do its work now, and if not, why and since when. */
public record StoreHealth(boolean healthy, String detail, Instant since) {
    public StoreHealth {
        Objects.requireNonNull(detail, "detail");
        Objects.requireNonNull(since, "since");
    }

    public static StoreHealth healthy(Instant since) {
        return new StoreHealth(true, "ok", since);
    }

    public static StoreHealth degraded(String why, Instant since) {
        return new StoreHealth(false, why, since);
    }
}
