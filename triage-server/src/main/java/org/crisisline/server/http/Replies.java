package org.crisisline.server.http;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/** Writes JSON answers: UTF-8, {@code Cache-Control: no-store} (answers name callers' pseudonyms). Event loop only. */
public final class Replies {
    private Replies() {
    }

    public static void json(RoutingContext rc, int status, JsonObject body) {
        send(rc, status, body.encode());
    }

    public static void ok(RoutingContext rc, JsonObject body) {
        json(rc, 200, body);
    }

    private static void send(RoutingContext rc, int status, String text) {
        if (rc.response().ended()) {
            return;
        }
        rc.response()
                .setStatusCode(status)
                .putHeader(HttpHeaders.CONTENT_TYPE, "application/json; charset=utf-8")
                .putHeader(HttpHeaders.CACHE_CONTROL, "no-store")
                .end(text);
    }
}
