package org.crisisline.server.web;

import io.vertx.core.Vertx;
import java.time.Instant;
import org.crisisline.queue.command.QueueCommand;
import org.crisisline.queue.model.Call;
import org.crisisline.queue.model.CallId;
import org.crisisline.queue.model.CallSource;
import org.crisisline.queue.model.CallerRef;
import org.crisisline.queue.model.Language;
import org.crisisline.queue.model.Line;
import org.crisisline.queue.model.Tier;
import org.crisisline.server.http.ApiServer;
import org.crisisline.server.softphone.SoftphoneSettings;

/**
 * The whole API plus the web pages on port 0, as the bootstrap mounts them ({@code WebUi.mount} on the
 * router {@code HttpApi} built). Starts from {@link ApiServer}'s seed (op2 on tier-2 {@code call-1},
 * tier-3 {@code call-2} waiting) and adds a tier-1 caller, {@value #TIER_ONE_CALL}, connected to op1.
 */
final class WebServer {
    static final String TIER_ONE_CALL = "call-3";
    static final String TIER_ONE_CALLER = "c_callerthr0000003";

    final ApiServer api;

    private WebServer(ApiServer api) {
        this.api = api;
    }

    static WebServer start(Vertx vertx) throws Exception {
        return start(vertx, SoftphoneSettings.off());
    }

    /** As {@link #start(Vertx)}, with the panel's softphone registering where {@code softphone} says. */
    static WebServer start(Vertx vertx, SoftphoneSettings softphone) throws Exception {
        ApiServer api = ApiServer.start(vertx, softphone);
        WebUi.mount(api.api.router(), softphone);
        WebServer server = new WebServer(api);
        server.enqueue(TIER_ONE_CALL, TIER_ONE_CALLER, Tier.IMMEDIATE_RISK);
        api.execute(new QueueCommand.MarkConnected(CallId.of(TIER_ONE_CALL)));
        return server;
    }

    /** A new live caller on the crisis line. */
    void enqueue(String call, String caller, Tier tier) {
        Instant now = api.clock.instant();
        api.execute(new QueueCommand.Enqueue(Call.live(CallId.of(call), new CallerRef(caller), Line.CRISIS,
                CallSource.SELF, tier, Language.ENGLISH, false, now)));
    }

    String url(String path) {
        return "http://localhost:" + api.port + path;
    }

    String password(String username) {
        return api.passwords.get(username);
    }
}
