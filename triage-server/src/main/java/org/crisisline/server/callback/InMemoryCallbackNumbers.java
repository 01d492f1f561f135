package org.crisisline.server.callback;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import org.crisisline.queue.model.CallId;

/** Callback numbers in this process only: one node, lost at exit (the in-memory queue's companion). */
public final class InMemoryCallbackNumbers implements CallbackNumbers {
    private final Map<CallId, String> numbers = new ConcurrentHashMap<>();

    @Override
    public CompletionStage<Void> keep(CallId call, String number) {
        numbers.put(Objects.requireNonNull(call, "call"), Objects.requireNonNull(number, "number"));
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletionStage<Optional<String>> find(CallId call) {
        return CompletableFuture.completedFuture(Optional.ofNullable(numbers.get(call)));
    }

    @Override
    public CompletionStage<Void> forget(CallId call) {
        numbers.remove(call);
        return CompletableFuture.completedFuture(null);
    }
}
