package org.crisisline.server.history.memory;

import org.crisisline.server.history.ContactHistoryStore;
import org.crisisline.server.history.ContactHistoryStoreContract;
import org.junit.jupiter.api.DisplayName;

@DisplayName("the in-memory contact history")
class InMemoryContactHistoryStoreTest extends ContactHistoryStoreContract {
    @Override
    protected ContactHistoryStore newStore() {
        return new InMemoryContactHistoryStore();
    }
}
