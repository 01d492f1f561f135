package org.crisisline.server.http.lead;

import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.crisisline.server.audit.Outcome;
import org.crisisline.server.auth.Role;
import org.crisisline.server.http.AuditTrail;
import org.crisisline.server.http.JsonInput;
import org.crisisline.server.http.Params;
import org.crisisline.server.http.ReferralJson;
import org.crisisline.server.http.Replies;
import org.crisisline.server.http.Requesters;
import org.crisisline.server.http.RouteTable;
import org.crisisline.server.pathway.referral.ReferralBook;
import org.crisisline.server.pathway.referral.ReferralId;
import org.crisisline.server.referral.ReferralDesk;
import org.crisisline.server.referral.ReferralJournal;

/**
 * The clinical leads' referral routes: {@code GET /api/referrals} (the {@code ReferralWatch} report read fresh
 * from the referral store, the rejections awaiting a fallback plan, and every referral with its status;
 * audited as {@code referrals.view}) and {@code POST /api/referrals/{id}/fallback} {@code {"plan", "owner"}}
 * (the fallback plan for a referral its team rejected: 404 {@code unknown-referral}, 409
 * {@code referral-conflict} when it was not rejected or already has another plan; journalled as
 * {@code referral.fallback-recorded}). Event loop.
 */
public final class ReferralRoutes {
    private static final Set<Role> LEADS = RouteTable.roles(Role.CLINICAL_LEAD);

    private final ReferralDesk desk;
    private final Requesters requesters;
    private final AuditTrail audit;
    private final Clock clock;

    public ReferralRoutes(ReferralDesk desk, Requesters requesters, AuditTrail audit, Clock clock) {
        this.desk = Objects.requireNonNull(desk, "desk");
        this.requesters = Objects.requireNonNull(requesters, "requesters");
        this.audit = Objects.requireNonNull(audit, "audit");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public void mount(RouteTable routes) {
        routes.guarded(HttpMethod.GET, "/api/referrals", LEADS, this::watch);
        routes.guarded(HttpMethod.POST, "/api/referrals/:id/fallback", LEADS, this::fallback);
    }

    private void watch(RoutingContext rc) {
        requesters.of(rc)
                .compose(who -> audit.record(who, "referrals.view", "referrals", "all", Outcome.SUCCEEDED))
                .compose(recorded -> desk.book())
                .onSuccess(book -> Replies.ok(rc, view(book, clock.instant())))
                .onFailure(rc::fail);
    }

    private JsonObject view(ReferralBook book, Instant now) {
        return LeadRoutes.report(desk.watch().at(now, book.referrals(), book.outbox()))
                .put("awaitingFallback", ReferralJson.list(desk.watch().awaitingFallback(book.referrals())))
                .put("referrals", ReferralJson.list(book.referrals()));
    }

    private void fallback(RoutingContext rc) {
        ReferralId id = ReferralId.of(Params.id(rc.pathParam("id"), "id"));
        JsonInput body = JsonInput.body(rc, "plan", "owner");
        String plan = body.string("plan", 1_000);
        String owner = body.string("owner", 120);
        requesters.of(rc)
                .compose(who -> desk.apply(id, referral -> desk.lifecycle().recordFallback(referral, plan, owner),
                                new ReferralJournal.By(who.username(), who.roleNames()))
                        .recover(ReferralJson::asApiError)
                        .onFailure(refused -> audit.record(who, "referral.fallback", "referral", id.value(),
                                Optional.of(refused.getMessage()), Outcome.DENIED)))
                .onSuccess(referral -> Replies.ok(rc, ReferralJson.referral(referral)))
                .onFailure(rc::fail);
    }
}
