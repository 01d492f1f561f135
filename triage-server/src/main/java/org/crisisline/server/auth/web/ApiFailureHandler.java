package org.crisisline.server.auth.web;

import io.vertx.core.Handler;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/**
 * The one failure handler for the JSON API: maps an {@link ApiError} to its status, and a bare status
 * (from Vert.x handlers, e.g. {@code BodyHandler}'s 413) to a fixed code, always answering
 * {@code { "error": code, "message": text }}. Anything else is a bug: 500 with a generic message, and the
 * exception is logged (never echoed to the client). Runs on the event loop.
 */
public final class ApiFailureHandler implements Handler<RoutingContext> {
    private static final System.Logger LOG = System.getLogger(ApiFailureHandler.class.getName());

    @Override
    public void handle(RoutingContext rc) {
        ApiError error = toApiError(rc);
        if (rc.response().ended()) {
            return;
        }
        if (rc.response().headWritten()) {
            rc.response().reset();
            return;
        }
        rc.response()
                .setStatusCode(error.status())
                .putHeader(HttpHeaders.CONTENT_TYPE, "application/json; charset=utf-8")
                .putHeader(HttpHeaders.CACHE_CONTROL, "no-store")
                .end(new JsonObject().put("error", error.code()).put("message", error.getMessage()).encode());
    }

    private static ApiError toApiError(RoutingContext rc) {
        if (rc.failure() instanceof ApiError error) {
            return error;
        }
        int status = rc.statusCode();
        return switch (status) {
            case 400 -> ApiError.badRequest("bad-request", "The request could not be read.");
            case 401 -> ApiError.notSignedIn();
            case 403 -> ApiError.forbidden();
            case 404 -> new ApiError(404, "not-found", "There is nothing here.");
            case 405 -> new ApiError(405, "method-not-allowed", "This method is not allowed here.");
            case 413 -> new ApiError(413, "body-too-large", "The request body is too large.");
            case 415 -> new ApiError(415, "unsupported-media-type", "Send the body as application/json.");
            default -> {
                if (status >= 400 && status < 500) {
                    yield new ApiError(status, "client-error", "The request was refused.");
                }
                LOG.log(System.Logger.Level.ERROR, "request failed: " + rc.request().method() + " "
                        + rc.request().path(), rc.failure());
                yield new ApiError(500, "internal-error", "Something went wrong on our side; it has been logged.");
            }
        };
    }
}
