package org.crisisline.server.callback;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.crisisline.queue.model.CallId;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** What every {@link CallbackNumbers} does; run against the in-memory and the Redis one. */
public abstract class CallbackNumbersContract {
    protected static final CallId CALL = CallId.of("1764446400.7");
    protected static final CallId OTHER = CallId.of("1764446400.8");
    protected static final String NUMBER = "07700900123";

    /** The implementation under test, fresh (and empty) for each test. */
    protected abstract CallbackNumbers numbers();

    @Test
    @DisplayName("a kept number is found for its call only")
    void keptNumberIsFound() {
        await(numbers().keep(CALL, NUMBER));

        assertThat(await(numbers().find(CALL))).contains(NUMBER);
        assertThat(await(numbers().find(OTHER))).isEmpty();
    }

    @Test
    @DisplayName("keeping again replaces the number; keeping the same number twice changes nothing")
    void keepingIsIdempotent() {
        await(numbers().keep(CALL, NUMBER));
        await(numbers().keep(CALL, NUMBER));
        assertThat(await(numbers().find(CALL))).contains(NUMBER);

        await(numbers().keep(CALL, "07700900456"));
        assertThat(await(numbers().find(CALL))).contains("07700900456");
    }

    @Test
    @DisplayName("a forgotten number is gone; forgetting twice, or a call with no number, is harmless")
    void forgettingIsIdempotent() {
        await(numbers().keep(CALL, NUMBER));
        await(numbers().keep(OTHER, "07700900456"));

        await(numbers().forget(CALL));
        await(numbers().forget(CALL));
        await(numbers().forget(CallId.of("never-booked")));

        assertThat(await(numbers().find(CALL))).isEqualTo(Optional.empty());
        assertThat(await(numbers().find(OTHER))).contains("07700900456");
    }

    protected static <T> T await(CompletionStage<T> stage) {
        try {
            return stage.toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
