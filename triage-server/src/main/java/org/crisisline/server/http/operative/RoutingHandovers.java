package org.crisisline.server.http.operative;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.Objects;
import org.crisisline.server.auth.web.ApiError;
import org.crisisline.server.routing.HandoverDone;
import org.crisisline.server.routing.HandoverRequest;
import org.crisisline.server.routing.Handovers;
import org.crisisline.telephony.bus.LocalMessageCodec;

/**
 * The API's side of the routing verticle's handover port ({@link Handovers}): the API never holds the PBX
 * gateway, it asks this node's routing verticle, and turns a failed reply into an {@link ApiError} with a
 * clear code: 404 {@code channel-unknown}, 422 {@code number-not-configured}, 502 {@code pbx-rejected},
 * 503 {@code pbx-link-down} or {@code routing-unavailable}, 504 {@code pbx-timeout}. Event loop only.
 */
final class RoutingHandovers {
    /** Up to five AMI actions, each with the gateway's own timeout: this is only the last guard. */
    static final Duration TIMEOUT = Duration.ofSeconds(20);

    private final Vertx vertx;
    private final DeliveryOptions delivery = new DeliveryOptions().setSendTimeout(TIMEOUT.toMillis());

    RoutingHandovers(Vertx vertx) {
        this.vertx = Objects.requireNonNull(vertx, "vertx");
        LocalMessageCodec.install(vertx);
    }

    Future<HandoverDone> hand(HandoverRequest request) {
        return vertx.eventBus().<HandoverDone>request(Handovers.ADDRESS, request, delivery)
                .map(reply -> reply.body())
                .recover(failure -> Future.failedFuture(asApiError(failure)));
    }

    Future<JsonObject> transferNumbers() {
        return vertx.eventBus().<JsonObject>request(Handovers.TRANSFER_NUMBERS, new JsonObject(), delivery)
                .map(reply -> reply.body())
                .recover(failure -> Future.failedFuture(asApiError(failure)));
    }

    static Throwable asApiError(Throwable failure) {
        if (!(failure instanceof ReplyException reply)) {
            return failure;
        }
        if (reply.failureType() == ReplyFailure.NO_HANDLERS) {
            return new ApiError(503, "routing-unavailable", "Call routing is not running on this server.");
        }
        if (reply.failureType() == ReplyFailure.TIMEOUT) {
            return new ApiError(504, "pbx-timeout", "The phone system did not answer in time.");
        }
        return switch (reply.failureCode()) {
            case Handovers.CHANNEL_UNKNOWN -> new ApiError(404, "channel-unknown", reply.getMessage());
            case Handovers.NUMBER_NOT_CONFIGURED -> new ApiError(422, "number-not-configured", reply.getMessage());
            case Handovers.PBX_REJECTED -> new ApiError(502, "pbx-rejected", reply.getMessage());
            case Handovers.PBX_TIMEOUT -> new ApiError(504, "pbx-timeout", reply.getMessage());
            default -> new ApiError(503, "pbx-link-down", reply.getMessage());
        };
    }
}
