package org.crisisline.server.http.operative;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.crisisline.queue.command.QueueCommand;
import org.crisisline.queue.model.Call;
import org.crisisline.queue.model.CallId;
import org.crisisline.queue.model.OperativeId;
import org.crisisline.queue.model.Tier;
import org.crisisline.server.audit.Outcome;
import org.crisisline.server.auth.web.ApiError;
import org.crisisline.server.callback.CallbackNumbers;
import org.crisisline.server.history.Contact;
import org.crisisline.server.history.ContactHistoryStore;
import org.crisisline.server.http.AuditTrail;
import org.crisisline.server.http.Decisions;
import org.crisisline.server.http.JsonInput;
import org.crisisline.server.http.Params;
import org.crisisline.server.http.QueueAccess;
import org.crisisline.server.http.ReferralJson;
import org.crisisline.server.http.Replies;
import org.crisisline.server.http.Requester;
import org.crisisline.server.http.Requesters;
import org.crisisline.server.http.RouteTable;
import org.crisisline.server.http.admin.AdminConfig;
import org.crisisline.server.pathway.Result;
import org.crisisline.server.pathway.cafe.Cafe;
import org.crisisline.server.pathway.referral.Referral;
import org.crisisline.server.pathway.referral.ReferralRequest;
import org.crisisline.server.pathway.referral.RiskSummary;
import org.crisisline.server.pathway.rules.CallContext;
import org.crisisline.server.pathway.rules.PathwayChoice;
import org.crisisline.server.pathway.rules.PathwayPlan;
import org.crisisline.server.pathway.rules.PathwayPolicy;
import org.crisisline.server.referral.ReferralDesk;
import org.crisisline.server.referral.ReferralJournal;
import org.crisisline.server.signpost.SignpostBoard;
import org.crisisline.server.text.SignpostTexts;

/**
 * Decisions on a call, by the operative on it or a clinical lead: {@code POST /api/calls/{id}/retier}
 * {@code {"tier": 1-3, "reason"}} and {@code POST /api/calls/{id}/outcome} {@code {"pathways": [...],
 * "clinicalRisk": bool, "notes"}}, checked by {@link PathwayPolicy} (a café alone for a tier-1 caller or
 * one with clinical risk: 422 {@code pathway-refused} with the rule's reason). An accepted outcome counts
 * its café signposts, saves a referral per CMHT pathway (queued for delivery; the id comes from the call and
 * the team, so the same outcome again makes nothing twice; the reply lists the referral ids) and is audited
 * with its pathways (never the notes or the risk summary); if saving fails, nothing is counted. It is then
 * added to the caller's contact history (with a short note only when {@code historyConsent} is true), and the
 * details of each café signpost with a {@code textTo} number are texted ({@link CafeTexting}): the answer's
 * {@code texts} say whether each was sent. A {@code callback} or {@code check-in} pathway is booked before all
 * that ({@link FollowUpBookings}; the answer's {@code booked} lists what), so a refused booking (422
 * {@code slot-full}) leaves nothing recorded. Event loop only.
 */
public final class CallRoutes {
    private final Decisions decisions;
    private final Requesters requesters;
    private final AuditTrail audit;
    private final AdminConfig config;
    private final PathwayPolicy policy;
    private final SignpostBoard signposts;
    private final ReferralDesk referrals;
    private final Clock clock;
    private final OpenCalls calls;
    private final SignpostTexts texts;
    private final CafeTexting texting;
    private final ContactHistoryStore history;
    private final FollowUpBookings followUps;

    public CallRoutes(QueueAccess queue, Decisions decisions, Requesters requesters, AuditTrail audit,
            AdminConfig config, PathwayPolicy policy, SignpostBoard signposts, ReferralDesk referrals, Clock clock,
            SignpostTexts texts, ContactHistoryStore history, CallbackNumbers callbackNumbers) {
        this.calls = new OpenCalls(queue);
        this.followUps = new FollowUpBookings(queue, callbackNumbers);
        this.decisions = Objects.requireNonNull(decisions, "decisions");
        this.requesters = Objects.requireNonNull(requesters, "requesters");
        this.audit = Objects.requireNonNull(audit, "audit");
        this.config = Objects.requireNonNull(config, "config");
        this.policy = Objects.requireNonNull(policy, "policy");
        this.signposts = Objects.requireNonNull(signposts, "signposts");
        this.referrals = Objects.requireNonNull(referrals, "referrals");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.texts = Objects.requireNonNull(texts, "texts");
        this.texting = new CafeTexting(texts, signposts, audit);
        this.history = Objects.requireNonNull(history, "history");
    }

    public void mount(RouteTable routes) {
        routes.guarded(HttpMethod.POST, "/api/calls/:id/retier", OperativeRoutes.TAKES_CALLS, this::retier);
        routes.guarded(HttpMethod.POST, "/api/calls/:id/outcome", OperativeRoutes.TAKES_CALLS, this::outcome);
    }

    private void retier(RoutingContext rc) {
        CallId id = Params.callId(rc);
        JsonInput body = JsonInput.body(rc, "tier", "reason");
        Tier tier = Params.tier(body.integer("tier", 1, 3), "tier");
        String reason = body.string("reason", 500);
        requesters.of(rc)
                .compose(who -> calls.callFor(who, id).compose(call -> decisions.execute(who, "call.retier", "call",
                        id.value(), Optional.of(reason), new QueueCommand.Retier(id, tier, who.actor(), reason))))
                .onSuccess(done -> Replies.ok(rc, new JsonObject().put("call", id.value()).put("tier", tier.number())))
                .onFailure(rc::fail);
    }

    private void outcome(RoutingContext rc) {
        CallId id = Params.callId(rc);
        JsonInput body = JsonInput.body(rc, "pathways", "clinicalRisk", "notes", "historyConsent");
        JsonArray pathways = body.array("pathways", PathwayChoices.MAX_PATHWAYS);
        boolean clinicalRisk = body.bool("clinicalRisk");
        Optional<String> notes = body.optionalString("notes", 4_000);
        boolean historyConsent = body.optionalBool("historyConsent", false);
        List<PathwayChoice> choices = PathwayChoices.read(pathways, config.cmhtDirectory(), config.cafes(),
                clock.instant());
        List<CafeTextRequests.Request> textRequests = CafeTextRequests.read(pathways, texts);
        List<FollowUpRequests.Request> followUpRequests = FollowUpRequests.read(pathways, clock.instant());
        JsonObject reply = new JsonObject().put("call", id.value());
        requesters.of(rc)
                .compose(who -> calls.callFor(who, id).compose(call -> alreadyRecorded(call).compose(before ->
                        decide(rc.vertx().getOrCreateContext(), who, call, choices, clinicalRisk, followUpRequests,
                                before)
                        .compose(decided -> remember(call, decided.plan(), historyConsent, notes).map(decided))
                        .onSuccess(decided -> reply.put("tier", decided.plan().context().tier().number())
                                .put("pathways", PathwayChoices.describe(decided.plan().choices()))
                                .put("referrals", new JsonArray(decided.referrals().stream()
                                        .map(r -> r.id().value()).toList()))
                                .put("booked", decided.booked()))
                        .compose(decided -> texting.send(rc.vertx().getOrCreateContext(), who, call, config.cafes(),
                                textRequests.stream()
                                        .filter(text -> !before.contains(PathwayChoices.signpostTo(text.cafe())))
                                        .toList(),
                                clock.instant())))))
                .onSuccess(texted -> Replies.json(rc, 201, reply.put("texts", texted)))
                .onFailure(rc::fail);
    }

    /** An accepted outcome, the referrals it made (or had already made) and the follow-up calls it booked. */
    private record Decided(PathwayPlan plan, List<Referral> referrals, JsonArray booked) {
    }

    /**
     * The pathways an earlier outcome of this call recorded (its contact in the caller's history), so that the
     * same outcome sent again (a retry, a double click) counts no café twice and sends no text twice.
     */
    private Future<Set<String>> alreadyRecorded(Call call) {
        return Future.fromCompletionStage(history.contactsOf(call.caller())).map(contacts -> contacts.stream()
                .filter(contact -> contact.call().equals(call.id()))
                .flatMap(contact -> contact.pathways().stream())
                .collect(Collectors.toSet()));
    }

    /** Adds this outcome to the caller's contact history: pathway types always, the note only with consent. */
    private Future<PathwayPlan> remember(Call call, PathwayPlan plan, boolean consented, Optional<String> notes) {
        List<String> referredTo = plan.choices().stream()
                .filter(PathwayChoice.CmhtReferral.class::isInstance)
                .map(choice -> ((PathwayChoice.CmhtReferral) choice).team().toString())
                .toList();
        Contact contact = Contact.of(call.id(), clock.instant(), call.line(), plan.context().tier(),
                PathwayChoices.descriptions(plan.choices()), referredTo, consented, notes);
        return Future.fromCompletionStage(history.record(call.caller(), contact)).map(plan);
    }

    /**
     * Checks the pathways; books the callback and check-ins first (the queue may refuse them: then nothing else
     * is done, and the refusal is audited), then counts the café signposts not counted by an earlier outcome of
     * the call, saves the referrals (with their
     * outbox entries) and audits the outcome, undoing the count if saving or auditing fails.
     */
    private Future<Decided> decide(Context context, Requester who, Call call, List<PathwayChoice> choices,
            boolean clinicalRisk, List<FollowUpRequests.Request> followUpRequests, Set<String> recordedBefore) {
        Result<PathwayPlan> checked = policy.check(new CallContext(call.tier(), clinicalRisk), choices);
        String target = call.id().value();
        if (checked instanceof Result.Rejected<PathwayPlan> refused) {
            return audit.record(who, "call.outcome", "call", target, Optional.of(refused.reason()), Outcome.DENIED)
                    .compose(v -> Future.failedFuture(new ApiError(422, "pathway-refused", refused.reason())));
        }
        PathwayPlan plan = checked.orElseThrow();
        List<ReferralRequest> requests = referralsIn(plan, call, who, clinicalRisk);
        return followUps.book(context, call, followUpRequests)
                .recover(notBooked -> auditedIfRefused(who, target, notBooked))
                .compose(booked -> signposts.recordAll(cafesIn(plan).stream()
                        .filter(cafe -> !recordedBefore.contains(PathwayChoices.signpostTo(cafe.id()))).toList(), clock.instant())
                        .compose(counted ->
                        referrals.open(requests, new ReferralJournal.By(who.username(), who.roleNames()))
                                .recover(ReferralJson::asApiError)
                                .compose(opened -> audit.record(who, "call.outcome", "call", target,
                                                Optional.of(PathwayChoices.describe(plan.choices())), Outcome.SUCCEEDED)
                                        .map(new Decided(plan, opened, booked)))
                                .onFailure(notSaved -> signposts.undo(counted))));
    }

    /** A booking the queue refused is audited as a denied outcome, with the queue's reason; the failure stands. */
    private <T> Future<T> auditedIfRefused(Requester who, String target, Throwable notBooked) {
        if (notBooked instanceof ApiError refused && refused.status() < 500) {
            return audit.record(who, "call.outcome", "call", target, Optional.of(refused.getMessage()), Outcome.DENIED)
                    .compose(v -> Future.failedFuture(refused));
        }
        return Future.failedFuture(notBooked);
    }

    /** One referral request per CMHT pathway; the referrer is the operative on the call (or the lead, by name). */
    private static List<ReferralRequest> referralsIn(PathwayPlan plan, Call call, Requester who, boolean clinicalRisk) {
        OperativeId referrer = who.operative().orElseGet(() -> OperativeId.of(who.username()));
        return plan.choices().stream()
                .filter(PathwayChoice.CmhtReferral.class::isInstance)
                .map(PathwayChoice.CmhtReferral.class::cast)
                .map(choice -> new ReferralRequest(call.id(), call.caller(), choice.team(), choice.urgency(),
                        new RiskSummary(choice.riskSummary(), clinicalRisk), choice.consent(), referrer))
                .toList();
    }

    private List<Cafe> cafesIn(PathwayPlan plan) {
        return plan.choices().stream()
                .filter(PathwayChoice.CafeSignpost.class::isInstance)
                .map(choice -> ((PathwayChoice.CafeSignpost) choice).cafe())
                .flatMap(id -> config.cafes().stream().filter(cafe -> cafe.id().equals(id)))
                .toList();
    }
}
