package org.crisisline.queue.store.memory;

import java.time.Clock;
import org.crisisline.queue.config.QueueConfig;
import org.crisisline.queue.store.QueueStore;
import org.crisisline.queue.store.QueueStoreContract;
import org.junit.jupiter.api.DisplayName;

@DisplayName("The in-memory queue store")
class InMemoryQueueStoreTest extends QueueStoreContract {
    @Override
    protected QueueStore openStore(QueueConfig config, Clock clock) {
        return new InMemoryQueueStore(config, clock);
    }
}
