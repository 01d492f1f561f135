package org.crisisline.server.text;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A gateway for API tests: keeps every text it is given and answers with a receipt, or, once told to
 * {@link #failWith fail}, refuses every text as a real gateway's refusal would. Thread-safe.
 */
public final class RecordingTextGateway implements TextMessageGateway {
    private final List<TextMessage> sent = new CopyOnWriteArrayList<>();
    private volatile String failure;

    @Override
    public CompletionStage<TextReceipt> send(TextMessage message) {
        if (failure != null) {
            return CompletableFuture.failedStage(new TextDeliveryException(failure));
        }
        sent.add(message);
        return CompletableFuture.completedFuture(new TextReceipt("recorded-" + sent.size()));
    }

    /** From now on, every text is refused with {@code reason}. */
    public void failWith(String reason) {
        failure = reason;
    }

    public List<TextMessage> sent() {
        return List.copyOf(sent);
    }
}
