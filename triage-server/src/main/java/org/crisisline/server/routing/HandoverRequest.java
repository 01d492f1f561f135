package org.crisisline.server.routing;

import java.util.Objects;
import org.crisisline.queue.model.CallId;
import org.crisisline.telephony.bus.LocalMessage;

/**
 * An operative's (or a clinical lead's) request to move a caller off the call now, sent by the HTTP API to
 * the routing verticle at {@link Handovers#ADDRESS}. The API has already checked who asks, that the call
 * is open and theirs, and the target; the routing side checks what only it knows (the caller's channel,
 * the configured transfer numbers) and drives the PBX.
 */
public sealed interface HandoverRequest extends LocalMessage {
    CallId call();

    HandoverContext context();

    /** Send the caller to the emergency route ({@code crisisline-emergency}). */
    record Escalate(CallId call, EmergencyService service, HandoverContext context) implements HandoverRequest {
        public Escalate {
            Objects.requireNonNull(call, "call");
            Objects.requireNonNull(service, "service");
            Objects.requireNonNull(context, "context");
        }
    }

    /** A warm transfer ({@code crisisline-transfer}) to {@code target}. */
    record Transfer(CallId call, TransferTarget target, HandoverContext context) implements HandoverRequest {
        public Transfer {
            Objects.requireNonNull(call, "call");
            Objects.requireNonNull(target, "target");
            Objects.requireNonNull(context, "context");
        }
    }

    /** Where a warm transfer goes. No {@code toString} hides anything: these are service numbers, never a caller's. */
    sealed interface TransferTarget {
        String number();

        /** A CMHT's duty line, which the API found open now in the directory admins keep. */
        record DutyLine(String team, String number) implements TransferTarget {
            public DutyLine {
                Objects.requireNonNull(team, "team");
                Objects.requireNonNull(number, "number");
            }
        }

        /** A number the operative chose; it must be one of {@code routing.transfer-numbers}. */
        record Configured(String number) implements TransferTarget {
            public Configured {
                Objects.requireNonNull(number, "number");
            }
        }
    }
}
