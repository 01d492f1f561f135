package org.crisisline.server.routing;

import java.util.Map;
import java.util.Objects;
import org.crisisline.queue.model.CallId;
import org.crisisline.telephony.bus.LocalMessage;

/**
 * The routing verticle's reply to a {@link HandoverRequest}: the PBX redirected the caller's channel to
 * {@code context} after setting {@code variables} (the handover context, and for a transfer the number).
 */
public record HandoverDone(CallId call, String context, Map<String, String> variables) implements LocalMessage {
    public HandoverDone {
        Objects.requireNonNull(call, "call");
        Objects.requireNonNull(context, "context");
        variables = Map.copyOf(variables);
    }
}
