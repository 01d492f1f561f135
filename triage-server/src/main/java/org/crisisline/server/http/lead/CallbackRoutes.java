package org.crisisline.server.http.lead;

import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.crisisline.queue.command.QueueCommand;
import org.crisisline.queue.model.CallId;
import org.crisisline.server.auth.Role;
import org.crisisline.server.http.Decisions;
import org.crisisline.server.http.JsonInput;
import org.crisisline.server.http.Params;
import org.crisisline.server.http.Replies;
import org.crisisline.server.http.Requesters;
import org.crisisline.server.http.RouteTable;

/**
 * A clinical lead cancels a booked callback: {@code POST /api/lead/cancel-callback} {@code {"call", "reason"}}.
 * The queue ends it ({@code CallbackCancelled}, an override with the lead's reason, audited as
 * {@code override.cancel-callback}) and the number kept for it is forgotten (by {@code QueueAccess}, as for
 * every call a command ends). 404 for an unknown call, 409 while
 * the callback is being made, 422 for a call that is not a booked callback (a check-in series is shortened
 * instead). Cancelling again answers 200 and changes nothing. Event loop.
 */
public final class CallbackRoutes {
    private static final Set<Role> LEADS = RouteTable.roles(Role.CLINICAL_LEAD);

    private final Decisions decisions;
    private final Requesters requesters;

    public CallbackRoutes(Decisions decisions, Requesters requesters) {
        this.decisions = Objects.requireNonNull(decisions, "decisions");
        this.requesters = Objects.requireNonNull(requesters, "requesters");
    }

    public void mount(RouteTable routes) {
        routes.guarded(HttpMethod.POST, "/api/lead/cancel-callback", LEADS, this::cancel);
    }

    private void cancel(RoutingContext rc) {
        JsonInput body = JsonInput.body(rc, "call", "reason");
        CallId call = CallId.of(Params.id(body.string("call", 128), "call"));
        String reason = body.string("reason", 500);
        requesters.of(rc)
                .compose(who -> decisions.execute(who, "override.cancel-callback", "call", call.value(),
                        Optional.of(reason), new QueueCommand.CancelCallback(call, who.actor(), reason)))
                .onSuccess(cancelled -> Replies.ok(rc, new JsonObject().put("call", call.value()).put("cancelled", true)))
                .onFailure(rc::fail);
    }
}
