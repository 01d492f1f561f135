package org.crisisline.server.callback;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import org.crisisline.queue.model.CallId;
import org.crisisline.server.audit.PhoneNumber;

/**
 * A number a caller confirmed for Crisisline to call them back on, as the HTTP layer may hold it: it can be
 * parsed and kept, never read, so the raw number stays out of responses, logs and metrics (the HTTP
 * packages must not touch {@link PhoneNumber}). Immutable; {@link #toString()} never shows the number.
 */
public final class NumberToCall {
    private final PhoneNumber number;

    private NumberToCall(PhoneNumber number) {
        this.number = Objects.requireNonNull(number, "number");
    }

    /** The number as the caller said it (UK or E.164), or empty when it is not a phone number. */
    public static Optional<NumberToCall> parse(String raw) {
        return PhoneNumber.parse(raw).map(NumberToCall::new);
    }

    /** Keeps this number in {@code numbers} for {@code call}, due at {@code dueAt}, replacing any kept before. */
    public CompletionStage<Void> keepIn(CallbackNumbers numbers, CallId call, Instant dueAt) {
        return numbers.keepUntilDue(call, number.e164(), dueAt);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof NumberToCall that && number.equals(that.number);
    }

    @Override
    public int hashCode() {
        return number.hashCode();
    }

    @Override
    public String toString() {
        return "NumberToCall[redacted]";
    }
}
