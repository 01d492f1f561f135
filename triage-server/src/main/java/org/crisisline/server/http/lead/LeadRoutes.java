package org.crisisline.server.http.lead;

import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.crisisline.queue.command.QueueCommand;
import org.crisisline.queue.model.CallId;
import org.crisisline.queue.model.OperativeId;
import org.crisisline.queue.model.OperativeState;
import org.crisisline.server.audit.Outcome;
import org.crisisline.server.auth.Role;
import org.crisisline.server.http.AuditTrail;
import org.crisisline.server.http.Decisions;
import org.crisisline.server.http.JsonInput;
import org.crisisline.server.http.Params;
import org.crisisline.server.http.ReferralJson;
import org.crisisline.server.http.Replies;
import org.crisisline.server.http.Requesters;
import org.crisisline.server.http.RouteTable;
import org.crisisline.server.pathway.referral.ReferralWatch;

/**
 * The clinical leads' routes: {@code GET /api/lead/queue} (the {@link QueueBoard}), {@code GET
 * /api/lead/stream} (the same, pushed by {@link QueueStream}), {@code POST /api/lead/take-call}
 * {@code {"call", "operative", "reason"}} and {@code POST /api/lead/break} {@code {"operative", "reason"}}
 * (overrides: the reason is required and audited as {@code override.take-call} / {@code override.break}),
 * and {@code GET /api/lead/referrals} (the {@link ReferralWatch} report). Views are audited too. Event loop.
 */
public final class LeadRoutes {
    private static final Set<Role> LEADS = RouteTable.roles(Role.CLINICAL_LEAD);

    private final QueueBoard board;
    private final QueueStream stream;
    private final Decisions decisions;
    private final Requesters requesters;
    private final AuditTrail audit;
    private final Function<Instant, ReferralWatch.Report> referrals;
    private final Clock clock;

    public LeadRoutes(QueueBoard board, QueueStream stream, Decisions decisions, Requesters requesters,
            AuditTrail audit, Function<Instant, ReferralWatch.Report> referrals, Clock clock) {
        this.board = Objects.requireNonNull(board, "board");
        this.stream = Objects.requireNonNull(stream, "stream");
        this.decisions = Objects.requireNonNull(decisions, "decisions");
        this.requesters = Objects.requireNonNull(requesters, "requesters");
        this.audit = Objects.requireNonNull(audit, "audit");
        this.referrals = Objects.requireNonNull(referrals, "referrals");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public void mount(RouteTable routes) {
        routes.guarded(HttpMethod.GET, "/api/lead/queue", LEADS, this::queue);
        routes.guarded(HttpMethod.GET, "/api/lead/stream", LEADS, this::stream);
        routes.guarded(HttpMethod.POST, "/api/lead/take-call", LEADS, this::takeCall);
        routes.guarded(HttpMethod.POST, "/api/lead/break", LEADS, this::sendOnBreak);
        routes.guarded(HttpMethod.GET, "/api/lead/referrals", LEADS, this::referrals);
    }

    private void queue(RoutingContext rc) {
        requesters.of(rc)
                .compose(who -> audit.record(who, "queue.view", "queue", "live", Outcome.SUCCEEDED))
                .compose(recorded -> board.board())
                .onSuccess(json -> Replies.ok(rc, json))
                .onFailure(rc::fail);
    }

    private void stream(RoutingContext rc) {
        requesters.of(rc)
                .compose(who -> audit.record(who, "queue.stream", "queue", "live", Outcome.SUCCEEDED))
                .onSuccess(recorded -> stream.open(rc))
                .onFailure(rc::fail);
    }

    private void takeCall(RoutingContext rc) {
        JsonInput body = JsonInput.body(rc, "call", "operative", "reason");
        CallId call = CallId.of(Params.id(body.string("call", 128), "call"));
        OperativeId operative = OperativeId.of(Params.id(body.string("operative", 64), "operative"));
        String reason = body.string("reason", 500);
        requesters.of(rc)
                .compose(who -> decisions.execute(who, "override.take-call", "call", call.value(), Optional.of(reason),
                        new QueueCommand.TakeCall(call, operative, who.actor(), reason)))
                .onSuccess(done -> Replies.ok(rc, new JsonObject().put("call", call.value())
                        .put("operative", operative.value())))
                .onFailure(rc::fail);
    }

    private void sendOnBreak(RoutingContext rc) {
        JsonInput body = JsonInput.body(rc, "operative", "reason");
        OperativeId operative = OperativeId.of(Params.id(body.string("operative", 64), "operative"));
        String reason = body.string("reason", 500);
        requesters.of(rc)
                .compose(who -> decisions.execute(who, "override.break", "operative", operative.value(),
                        Optional.of(reason),
                        new QueueCommand.Pause(operative, OperativeState.BREAK, who.actor(), reason)))
                .onSuccess(done -> Replies.ok(rc, new JsonObject().put("operative", operative.value())
                        .put("block", OperativeState.BREAK.name())))
                .onFailure(rc::fail);
    }

    private void referrals(RoutingContext rc) {
        requesters.of(rc)
                .compose(who -> audit.record(who, "referrals.view", "referrals", "watch", Outcome.SUCCEEDED))
                .onSuccess(recorded -> {
                    ReferralWatch.Report report = referrals.apply(clock.instant());
                    Replies.ok(rc, report(report));
                })
                .onFailure(rc::fail);
    }

    /** The report's four lists, as {@code GET /api/lead/referrals} and {@code GET /api/referrals} show them. */
    public static JsonObject report(ReferralWatch.Report report) {
        return new JsonObject()
                .put("deliveryFlagged", ReferralJson.list(report.deliveryFlagged()))
                .put("awaitingAcknowledgement", ReferralJson.list(report.awaitingAcknowledgement()))
                .put("dueForChasing", ReferralJson.list(report.dueForChasing()))
                .put("overdue", ReferralJson.list(report.overdue()));
    }
}
