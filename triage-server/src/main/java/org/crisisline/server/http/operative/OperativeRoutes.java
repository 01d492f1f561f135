package org.crisisline.server.http.operative;

import io.vertx.core.Future;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.crisisline.queue.command.QueueCommand;
import org.crisisline.queue.core.QueueSnapshot;
import org.crisisline.queue.model.Call;
import org.crisisline.queue.model.OperativeId;
import org.crisisline.queue.model.OperativeState;
import org.crisisline.server.audit.Outcome;
import org.crisisline.server.auth.Role;
import org.crisisline.server.auth.web.ApiError;
import org.crisisline.server.http.AuditTrail;
import org.crisisline.server.http.CallJson;
import org.crisisline.server.http.Decisions;
import org.crisisline.server.http.JsonInput;
import org.crisisline.server.http.QueueAccess;
import org.crisisline.server.http.Replies;
import org.crisisline.server.http.Requester;
import org.crisisline.server.http.Requesters;
import org.crisisline.server.http.RouteTable;
import org.crisisline.server.http.admin.AdminConfig;
import org.crisisline.server.http.admin.OperativeSetting;
import org.crisisline.server.metrics.LoadBands;

/**
 * {@code GET /api/operative/state}, {@code POST /api/operative/ready} (logs on with the configured skills
 * when offline), {@code POST /api/operative/pause} {@code {"block": "BREAK"|"SUPERVISION", "reason"}} and
 * {@code GET /api/operative/call} (the current call; a view of the caller's record, audited). The
 * operative is the one the signed-in account answers calls as. Event loop only.
 */
public final class OperativeRoutes {
    static final Set<Role> TAKES_CALLS = RouteTable.roles(Role.OPERATIVE, Role.CLINICAL_LEAD);

    private final QueueAccess queue;
    private final Decisions decisions;
    private final Requesters requesters;
    private final AuditTrail audit;
    private final AdminConfig config;
    private final LoadBands bands;

    public OperativeRoutes(QueueAccess queue, Decisions decisions, Requesters requesters, AuditTrail audit,
            AdminConfig config, LoadBands bands) {
        this.queue = Objects.requireNonNull(queue, "queue");
        this.decisions = Objects.requireNonNull(decisions, "decisions");
        this.requesters = Objects.requireNonNull(requesters, "requesters");
        this.audit = Objects.requireNonNull(audit, "audit");
        this.config = Objects.requireNonNull(config, "config");
        this.bands = Objects.requireNonNull(bands, "bands");
    }

    public void mount(RouteTable routes) {
        routes.guarded(HttpMethod.GET, "/api/operative/state", TAKES_CALLS, this::state);
        routes.guarded(HttpMethod.POST, "/api/operative/ready", TAKES_CALLS, this::ready);
        routes.guarded(HttpMethod.POST, "/api/operative/pause", TAKES_CALLS, this::pause);
        routes.guarded(HttpMethod.GET, "/api/operative/call", TAKES_CALLS, this::currentCall);
    }

    private void state(RoutingContext rc) {
        requesters.of(rc)
                .map(Requester::operativeOrFail)
                .compose(this::stateOf)
                .onSuccess(state -> Replies.ok(rc, state))
                .onFailure(rc::fail);
    }

    private void ready(RoutingContext rc) {
        requesters.of(rc).compose(who -> {
            OperativeId id = who.operativeOrFail();
            return queue.snapshot()
                    .map(snapshot -> readyCommand(snapshot, id))
                    .compose(command -> decisions.execute(who, "operative.ready", "operative", id.value(),
                            Optional.empty(), command))
                    .compose(done -> stateOf(id));
        }).onSuccess(state -> Replies.ok(rc, state)).onFailure(rc::fail);
    }

    private void pause(RoutingContext rc) {
        JsonInput body = JsonInput.body(rc, "block", "reason");
        OperativeState block = Blocks.of(body);
        String reason = body.string("reason", 500);
        requesters.of(rc).compose(who -> {
            OperativeId id = who.operativeOrFail();
            return decisions.execute(who, "operative.pause", "operative", id.value(), Optional.of(reason),
                            new QueueCommand.Pause(id, block, who.actor(), reason))
                    .compose(done -> stateOf(id));
        }).onSuccess(state -> Replies.ok(rc, state)).onFailure(rc::fail);
    }

    private void currentCall(RoutingContext rc) {
        requesters.of(rc).compose(who -> {
            OperativeId id = who.operativeOrFail();
            return queue.snapshot().compose(snapshot -> {
                Call call = QueueAccess.operative(snapshot, id)
                        .flatMap(op -> op.currentCall())
                        .flatMap(callId -> QueueAccess.openCall(snapshot, callId))
                        .orElseThrow(() -> new ApiError(404, "no-current-call", "You are not on a call."));
                return audit.record(who, "caller-record.view", "call", call.id().value(), Outcome.SUCCEEDED)
                        .map(recorded -> CallJson.call(call, snapshot.at()));
            });
        }).onSuccess(call -> Replies.ok(rc, call)).onFailure(rc::fail);
    }

    private QueueCommand readyCommand(QueueSnapshot snapshot, OperativeId id) {
        boolean onShift = QueueAccess.operative(snapshot, id)
                .filter(op -> op.state() != OperativeState.OFFLINE)
                .isPresent();
        if (onShift) {
            return new QueueCommand.MarkReady(id);
        }
        OperativeSetting setting = Optional.ofNullable(config.operatives().get(id)).orElseThrow(() ->
                new ApiError(409, "not-configured", "You are not in the operatives list yet; ask an admin."));
        return new QueueCommand.LogOn(id, setting.skills());
    }

    private Future<JsonObject> stateOf(OperativeId id) {
        return queue.snapshot().map(snapshot -> snapshot.operatives().stream()
                .filter(load -> load.operative().id().equals(id))
                .findFirst()
                .map(load -> CallJson.operative(load, bands))
                .orElseGet(() -> new JsonObject().put("id", id.value()).put("state", OperativeState.OFFLINE.name())));
    }
}
