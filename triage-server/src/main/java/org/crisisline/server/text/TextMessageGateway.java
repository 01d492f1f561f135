package org.crisisline.server.text;

import java.util.concurrent.CompletionStage;

/**
 * Sends one text message. The stage completes with the gateway's receipt once the message was accepted for
 * delivery, or fails with a {@link TextDeliveryException} (refused, unreachable, timed out). Implementations
 * must not block the calling thread and must never log {@link TextMessage#to()} or the message's text.
 */
public interface TextMessageGateway {
    CompletionStage<TextReceipt> send(TextMessage message);
}
