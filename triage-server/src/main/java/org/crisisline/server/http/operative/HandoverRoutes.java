package org.crisisline.server.http.operative;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.crisisline.queue.model.Call;
import org.crisisline.queue.model.CallId;
import org.crisisline.server.audit.Outcome;
import org.crisisline.server.auth.web.ApiError;
import org.crisisline.server.http.AuditTrail;
import org.crisisline.server.http.JsonInput;
import org.crisisline.server.http.Params;
import org.crisisline.server.http.QueueAccess;
import org.crisisline.server.http.Replies;
import org.crisisline.server.http.Requesters;
import org.crisisline.server.http.RouteTable;
import org.crisisline.server.http.admin.AdminConfig;
import org.crisisline.server.pathway.cmht.CmhtTeam;
import org.crisisline.server.pathway.cmht.TeamId;
import org.crisisline.server.pathway.cmht.WarmTransfer;
import org.crisisline.server.routing.EmergencyService;
import org.crisisline.server.routing.HandoverContext;
import org.crisisline.server.routing.HandoverDone;
import org.crisisline.server.routing.HandoverRequest;
import org.crisisline.server.routing.HandoverRequest.TransferTarget;
import org.crisisline.telephony.Dialplan;

/**
 * Moving a caller on, by the operative on the call or a clinical lead, through this node's routing verticle
 * ({@link RoutingHandovers}; the API never drives the PBX itself):
 * <ul>
 *   <li>{@code POST /api/calls/{id}/escalate} {@code {"service": "ambulance|police|fire|999", "reason"}}: to
 *       the emergency route now;</li>
 *   <li>{@code POST /api/calls/{id}/transfer} {@code {"team" | "number", "reason", "context"}}: a warm
 *       transfer to a CMHT's duty line (409 {@code duty-line-closed}, with when it next opens, outside its
 *       hours) or to one of the configured transfer numbers (422 {@code number-not-configured} otherwise:
 *       a number typed in the panel could send a caller in crisis anywhere);</li>
 *   <li>{@code GET /api/transfer-numbers}: the configured numbers, for the panel.</li>
 * </ul>
 * The caller's tier, pseudonym, the reason and the context line go with them as channel variables. Every
 * decision is audited (who, call, target, reason) whether the PBX moved the caller or not, and is reported
 * only once recorded. Nothing is sent to the PBX before the request is fully checked. Event loop only.
 */
public final class HandoverRoutes {
    static final int MAX_REASON = 500;
    static final int MAX_CONTEXT = 200;

    private final OpenCalls calls;
    private final Requesters requesters;
    private final AuditTrail audit;
    private final AdminConfig config;
    private final Clock clock;
    private final RoutingHandovers routing;

    public HandoverRoutes(Vertx vertx, QueueAccess queue, Requesters requesters, AuditTrail audit,
            AdminConfig config, Clock clock) {
        this.calls = new OpenCalls(queue);
        this.requesters = Objects.requireNonNull(requesters, "requesters");
        this.audit = Objects.requireNonNull(audit, "audit");
        this.config = Objects.requireNonNull(config, "config");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.routing = new RoutingHandovers(vertx);
    }

    public void mount(RouteTable routes) {
        routes.guarded(HttpMethod.POST, "/api/calls/:id/escalate", OperativeRoutes.TAKES_CALLS, this::escalate);
        routes.guarded(HttpMethod.POST, "/api/calls/:id/transfer", OperativeRoutes.TAKES_CALLS, this::transfer);
        routes.guarded(HttpMethod.GET, "/api/transfer-numbers", OperativeRoutes.TAKES_CALLS, this::transferNumbers);
    }

    private void escalate(RoutingContext rc) {
        CallId id = Params.callId(rc);
        JsonInput body = JsonInput.body(rc, "service", "reason", "context");
        String word = body.string("service", 20);
        EmergencyService service = EmergencyService.of(word).orElseThrow(() ->
                ApiError.badRequest("bad-parameter", "'service' is ambulance, police, fire or 999."));
        String reason = body.string("reason", MAX_REASON);
        Optional<String> line = body.optionalString("context", MAX_CONTEXT);
        hand(rc, id, "call.escalate", "emergency " + service.word(), reason,
                call -> new HandoverRequest.Escalate(id, service, contextOf(call, reason, line)));
    }

    private void transfer(RoutingContext rc) {
        CallId id = Params.callId(rc);
        JsonInput body = JsonInput.body(rc, "team", "number", "reason", "context");
        Optional<String> team = body.optionalString("team", 64).map(raw -> Params.id(raw, "team"));
        Optional<String> number = body.optionalString("number", 20);
        if (team.isPresent() == number.isPresent()) {
            throw ApiError.badRequest("bad-parameter", "Give either 'team' (a CMHT id) or 'number', not both.");
        }
        String reason = body.string("reason", MAX_REASON);
        Optional<String> line = body.optionalString("context", MAX_CONTEXT);
        // A number typed in is not audited as such until the routing has found it configured: it could be anyone's.
        String described = team.map(t -> "duty line of " + t).orElse("a listed number");
        hand(rc, id, "call.transfer", described, reason, call -> new HandoverRequest.Transfer(id,
                team.map(this::openDutyLine).orElseGet(() -> new TransferTarget.Configured(number.orElseThrow())),
                contextOf(call, reason, line)));
    }

    private void transferNumbers(RoutingContext rc) {
        routing.transferNumbers().onSuccess(numbers -> Replies.ok(rc, numbers)).onFailure(rc::fail);
    }

    /** The team's duty line if it is staffed now: 404 for an unknown team, 409 with its next opening if not. */
    private TransferTarget openDutyLine(String team) {
        CmhtTeam found = config.cmhtDirectory().team(new TeamId(team)).orElseThrow(() ->
                new ApiError(404, "unknown-team", "There is no CMHT '" + team + "' in the directory."));
        WarmTransfer now = found.dutyLine().warmTransferAt(clock.instant());
        if (now instanceof WarmTransfer.Unavailable closed) {
            String next = closed.nextOpens().map(at -> "; it next opens at " + at).orElse("");
            throw new ApiError(409, "duty-line-closed", "No warm transfer to " + found.name() + ": "
                    + closed.reason() + next + ".");
        }
        return new TransferTarget.DutyLine(found.id().value(), ((WarmTransfer.Available) now).dutyLineNumber());
    }

    /**
     * Checks the call is open and the requester's, builds the request (which may refuse: a closed duty line),
     * asks the routing verticle, and audits the decision either way (a refusal with its code); the answer
     * names the call, the context the caller went to and the variables set.
     */
    private void hand(RoutingContext rc, CallId id, String action, String target, String reason,
            Function<Call, HandoverRequest> request) {
        requesters.of(rc)
                .compose(who -> calls.callFor(who, id).compose(call -> Future.succeededFuture(call)
                        .map(request)
                        .compose(routing::hand)
                        .compose(done -> audit.record(who, action, "call", id.value(),
                                Optional.of(sentTo(done, target) + " | " + reason), Outcome.SUCCEEDED).map(done))
                        .recover(failed -> failed instanceof ApiError refused
                                ? audit.record(who, action, "call", id.value(),
                                        Optional.of(target + " | " + reason + " | " + refused.code()),
                                        refused.status() >= 500 ? Outcome.FAILED : Outcome.DENIED)
                                        .compose(recorded -> Future.<HandoverDone>failedFuture(refused))
                                : Future.failedFuture(failed))))
                .onSuccess(done -> Replies.ok(rc, new JsonObject()
                        .put("call", id.value())
                        .put("context", done.context())
                        .put("variables", new JsonObject(new LinkedHashMap<>(done.variables())))))
                .onFailure(rc::fail);
    }

    /** The target as audited once the PBX took it: with the (service) number the caller was sent to. */
    private static String sentTo(HandoverDone done, String target) {
        String number = done.variables().get(Dialplan.TRANSFER_TO);
        return number == null ? target : target + " " + number;
    }

    private static HandoverContext contextOf(Call call, String reason, Optional<String> line) {
        return new HandoverContext(call.tier(), reason, line, call.caller());
    }
}
