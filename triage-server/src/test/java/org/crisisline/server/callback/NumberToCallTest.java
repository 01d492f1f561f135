package org.crisisline.server.callback;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.crisisline.queue.model.CallId;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("a number to call back, as the HTTP layer holds it")
class NumberToCallTest {
    @Test
    @DisplayName("a UK number is kept in E.164 for the call; what is not a number is refused; it never shows itself")
    void parsedKeptNeverShown() throws Exception {
        InMemoryCallbackNumbers numbers = new InMemoryCallbackNumbers();
        NumberToCall number = NumberToCall.parse("07700 900 321").orElseThrow();

        number.keepIn(numbers, CallId.of("c1/callback"), Instant.parse("2026-12-01T10:00:00Z")).toCompletableFuture().get();

        assertThat(numbers.find(CallId.of("c1/callback")).toCompletableFuture().get()).contains("+447700900321");
        assertThat(number).hasToString("NumberToCall[redacted]").isEqualTo(NumberToCall.parse("+447700900321").get());
        assertThat(NumberToCall.parse("call me maybe")).isEmpty();
    }
}
