package org.crisisline.server.routing;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.crisisline.telephony.Dialplan;

/** What {@link CallRouter#handover} decided: redirect the caller's channel, or refuse with a code. */
public sealed interface HandoverDecision {

    /**
     * Set {@code variables} on {@code callerChannel}, in order, then redirect it to {@code context}
     * ({@code transferTo}, for a transfer, goes as {@code CRISISLINE_TRANSFER_TO} with the Redirect).
     */
    record Redirect(String callerChannel, Map<String, String> variables, String context, String transferTo)
            implements HandoverDecision {
        public Redirect {
            Objects.requireNonNull(callerChannel, "callerChannel");
            variables = Collections.unmodifiableMap(new LinkedHashMap<>(variables));
            Objects.requireNonNull(context, "context");
            if (context.equals(Dialplan.TRANSFER_CONTEXT) == (transferTo == null)) {
                throw new IllegalArgumentException("a transfer, and only a transfer, has a number");
            }
        }
    }

    /** Refused before anything was sent to the PBX; {@code code} is one of {@link Handovers}'. */
    record Refused(int code, String message) implements HandoverDecision {
        public Refused {
            Objects.requireNonNull(message, "message");
        }
    }
}
