package org.crisisline.server.routing;

import java.util.concurrent.TimeoutException;
import org.crisisline.telephony.TelephonyException;

/**
 * The routing verticle's handover port on the event bus.
 *
 * <p>{@link #ADDRESS} takes a {@link HandoverRequest} and replies with a {@link HandoverDone}, or fails
 * ({@link io.vertx.core.eventbus.ReplyException}) with one of the codes below and a message for people.
 * {@link #TRANSFER_NUMBERS} takes anything and replies with the configured transfer numbers as a
 * {@code JsonObject} ({@code {"numbers": [{"name", "number"}]}}).
 *
 * <p>Which node answers: each node's routing verticle registers a <em>local</em> consumer, and the API
 * asks its own node's. That node can always find the caller's channel, whichever node's IVR registered
 * the caller: every node's AMI link follows the same PBX and files every inbound channel it sees arrive
 * ({@code ChannelDirectory.adopt}), as it must to ring an operative for another node's caller. A channel
 * it does not know (hung up, or older than its bounded memory) is {@link #CHANNEL_UNKNOWN}. A deployment
 * with several PBXs, each followed by some nodes only, would need a per-PBX address instead.
 */
public final class Handovers {
    public static final String ADDRESS = "crisisline.routing.handover";
    public static final String TRANSFER_NUMBERS = "crisisline.routing.transfer-numbers";

    /** The caller's channel is not known here (hung up, never registered, or forgotten). */
    public static final int CHANNEL_UNKNOWN = 404;
    /** A transfer to a number that is not in {@code routing.transfer-numbers}. */
    public static final int NUMBER_NOT_CONFIGURED = 422;
    /** The PBX refused the action (Asterisk's {@code Response: Error}). */
    public static final int PBX_REJECTED = 502;
    /** No logged-in PBX link. */
    public static final int PBX_LINK_DOWN = 503;
    /** The PBX did not answer in time. */
    public static final int PBX_TIMEOUT = 504;

    private Handovers() {
    }

    /** The failure code for a PBX action that failed: rejected, link down, or timed out. */
    static int failureCodeOf(Throwable failure) {
        if (failure instanceof TelephonyException pbx) {
            return switch (pbx.code()) {
                case REJECTED -> PBX_REJECTED;
                case LINK_DOWN -> PBX_LINK_DOWN;
                case TIMEOUT -> PBX_TIMEOUT;
            };
        }
        return failure instanceof TimeoutException ? PBX_TIMEOUT : PBX_LINK_DOWN;
    }
}
