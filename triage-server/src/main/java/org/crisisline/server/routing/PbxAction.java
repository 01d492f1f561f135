package org.crisisline.server.routing;

import java.util.Objects;
import org.crisisline.queue.model.CallId;
import org.crisisline.queue.model.OperativeId;
import org.crisisline.telephony.OriginateRequest;

/**
 * What the router decided the PBX must do, as data; the routing verticle carries it out through
 * {@link org.crisisline.telephony.PbxGateway}. No record's {@code toString} shows a raw number.
 */
public sealed interface PbxAction {
    CallId call();

    /** Ring an operative for a waiting live caller (Redirect into {@code crisisline-connect}). */
    record ConnectToOperative(CallId call, OperativeId operative, String callerChannel, String endpoint)
            implements PbxAction {
        public ConnectToOperative {
            Objects.requireNonNull(call, "call");
            Objects.requireNonNull(operative, "operative");
            Objects.requireNonNull(callerChannel, "callerChannel");
            Objects.requireNonNull(endpoint, "endpoint");
        }
    }

    /** An agent-first callback: the operative first, then the kept number (its {@code toString} masks it). */
    record OriginateCallback(CallId call, OperativeId operative, OriginateRequest request) implements PbxAction {
        public OriginateCallback {
            Objects.requireNonNull(call, "call");
            Objects.requireNonNull(operative, "operative");
            Objects.requireNonNull(request, "request");
        }
    }

    /** Tell a waiting caller their place and wait in whole minutes. */
    record Announce(CallId call, String callerChannel, int position, int waitMinutes) implements PbxAction {
        public Announce {
            Objects.requireNonNull(call, "call");
            Objects.requireNonNull(callerChannel, "callerChannel");
        }
    }
}
