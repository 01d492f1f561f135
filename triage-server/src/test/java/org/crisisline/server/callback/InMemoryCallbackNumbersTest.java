package org.crisisline.server.callback;

import org.junit.jupiter.api.DisplayName;

@DisplayName("callback numbers in memory")
class InMemoryCallbackNumbersTest extends CallbackNumbersContract {
    private final CallbackNumbers numbers = new InMemoryCallbackNumbers();

    @Override
    protected CallbackNumbers numbers() {
        return numbers;
    }
}
