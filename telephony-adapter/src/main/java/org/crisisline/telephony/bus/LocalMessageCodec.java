package org.crisisline.telephony.bus;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.MessageCodec;

/**
 * Hands a {@link LocalMessage} to its consumers by reference: the records are immutable, so copying
 * them would only cost time. They never leave this node; a message sent to another node's consumer
 * fails loudly instead of being half-encoded.
 */
public final class LocalMessageCodec implements MessageCodec<LocalMessage, LocalMessage> {
    public static final String NAME = "crisisline-local";

    /** Registers the codec and selects it for every {@link LocalMessage}; safe to call more than once. */
    public static void install(Vertx vertx) {
        EventBus bus = vertx.eventBus();
        bus.unregisterCodec(NAME);
        bus.registerCodec(new LocalMessageCodec());
        bus.codecSelector(body -> body instanceof LocalMessage ? NAME : null);
    }

    @Override
    public void encodeToWire(Buffer buffer, LocalMessage message) {
        throw new UnsupportedOperationException(message.getClass().getSimpleName()
                + " is a local message and cannot be sent to another node");
    }

    @Override
    public LocalMessage decodeFromWire(int position, Buffer buffer) {
        throw new UnsupportedOperationException("local messages are never read from the wire");
    }

    @Override
    public LocalMessage transform(LocalMessage message) {
        return message;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public byte systemCodecID() {
        return -1;
    }
}
