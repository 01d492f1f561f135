package org.crisisline.server.referral.redis;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.crisisline.queue.model.CallId;
import org.crisisline.queue.model.CallerRef;
import org.crisisline.queue.model.OperativeId;
import org.crisisline.server.pathway.cmht.TeamId;
import org.crisisline.server.pathway.outbox.Outbox;
import org.crisisline.server.pathway.outbox.OutboxEntry;
import org.crisisline.server.pathway.outbox.OutboxId;
import org.crisisline.server.pathway.outbox.RetryPolicy;
import org.crisisline.server.pathway.referral.ClinicalFactor;
import org.crisisline.server.pathway.referral.Consent;
import org.crisisline.server.pathway.referral.Referral;
import org.crisisline.server.pathway.referral.ReferralBook;
import org.crisisline.server.pathway.referral.ReferralId;
import org.crisisline.server.pathway.referral.ReferralRequest;
import org.crisisline.server.pathway.referral.ReferralStatus;
import org.crisisline.server.pathway.referral.Rejection;
import org.crisisline.server.pathway.referral.RejectionReason;
import org.crisisline.server.pathway.referral.RiskSummary;
import org.crisisline.server.pathway.referral.TeamRejection;
import org.crisisline.server.pathway.referral.Urgency;

/**
 * A {@link ReferralBook} as JSON and back, for a store that keeps it as a document: every field of every
 * referral and outbox entry, instants as ISO-8601, enums by name. {@code decode(encode(book))} gives back an
 * equal book. Stateless and thread-safe.
 */
public final class ReferralBookJson {
    private ReferralBookJson() {
    }

    public static String encode(ReferralBook book) {
        JsonArray referrals = new JsonArray();
        book.referrals().forEach(referral -> referrals.add(referral(referral)));
        JsonArray outbox = new JsonArray();
        book.outbox().entries().forEach(entry -> outbox.add(entry(entry)));
        return new JsonObject().put("referrals", referrals).put("outbox", outbox).encode();
    }

    public static ReferralBook decode(String json, RetryPolicy policy) {
        JsonObject book = new JsonObject(json);
        List<OutboxEntry> entries = book.getJsonArray("outbox").stream().map(JsonObject.class::cast)
                .map(ReferralBookJson::entry).toList();
        List<Referral> referrals = book.getJsonArray("referrals").stream().map(JsonObject.class::cast)
                .map(ReferralBookJson::referral).toList();
        return ReferralBook.of(referrals, Outbox.of(policy, entries));
    }

    /** One referral on its own (an archived one). */
    public static String encodeReferral(Referral referral) {
        return referral(referral).encode();
    }

    public static Referral decodeReferral(String json) {
        return referral(new JsonObject(json));
    }

    private static JsonObject referral(Referral referral) {
        ReferralRequest request = referral.request();
        JsonObject reached = new JsonObject();
        referral.reached().forEach((status, at) -> reached.put(status.name(), at.toString()));
        JsonObject json = new JsonObject()
                .put("id", referral.id().value())
                .put("call", request.callId().value())
                .put("caller", request.caller().pseudonym())
                .put("team", request.team().value())
                .put("urgency", request.urgency().name())
                .put("risk", request.risk().text())
                .put("clinicalRisk", request.risk().clinicalRisk())
                .put("consentGiven", request.consent().given())
                .put("consentRecordedAt", request.consent().recordedAt().toString())
                .put("referrer", request.referrer().value())
                .put("status", referral.status().name())
                .put("respondBy", referral.respondBy().toString())
                .put("reached", reached)
                .put("chases", referral.chases());
        referral.lastChasedAt().ifPresent(at -> json.put("lastChasedAt", at.toString()));
        referral.rejection().ifPresent(r -> json.put("rejection", new JsonObject()
                .put("reason", r.reason().name()).put("explanation", r.explanation())
                .put("factors", factors(r.citedFactors())).put("plan", r.fallbackPlan()).put("owner", r.fallbackOwner())));
        referral.teamRejection().ifPresent(r -> json.put("teamRejection", new JsonObject()
                .put("reason", r.reason().name()).put("explanation", r.explanation())
                .put("factors", factors(r.citedFactors()))));
        return json;
    }

    private static Referral referral(JsonObject json) {
        ReferralRequest request = new ReferralRequest(CallId.of(json.getString("call")),
                new CallerRef(json.getString("caller")), TeamId.of(json.getString("team")),
                Urgency.valueOf(json.getString("urgency")),
                new RiskSummary(json.getString("risk"), json.getBoolean("clinicalRisk")),
                new Consent(json.getBoolean("consentGiven"), instant(json, "consentRecordedAt")),
                OperativeId.of(json.getString("referrer")));
        Map<ReferralStatus, Instant> reached = new EnumMap<>(ReferralStatus.class);
        json.getJsonObject("reached").forEach(e -> reached.put(ReferralStatus.valueOf(e.getKey()),
                Instant.parse((String) e.getValue())));
        Optional<Rejection> rejection = Optional.ofNullable(json.getJsonObject("rejection")).map(r -> new Rejection(
                RejectionReason.valueOf(r.getString("reason")), r.getString("explanation"), factors(r),
                r.getString("plan"), r.getString("owner")));
        Optional<TeamRejection> teamRejection = Optional.ofNullable(json.getJsonObject("teamRejection"))
                .map(r -> new TeamRejection(RejectionReason.valueOf(r.getString("reason")), r.getString("explanation"),
                        factors(r)));
        return new Referral(ReferralId.of(json.getString("id")), request, ReferralStatus.valueOf(json.getString("status")),
                instant(json, "respondBy"), reached, rejection, json.getInteger("chases"),
                optionalInstant(json, "lastChasedAt"), teamRejection);
    }

    private static JsonObject entry(OutboxEntry entry) {
        JsonObject json = new JsonObject()
                .put("id", entry.id().value())
                .put("payloadRef", entry.payloadRef())
                .put("state", entry.state().name())
                .put("enqueuedAt", entry.enqueuedAt().toString())
                .put("failedAttempts", entry.failedAttempts())
                .put("nextAttemptAt", entry.nextAttemptAt().toString())
                .put("flaggedToLeads", entry.flaggedToLeads());
        entry.lastFailure().ifPresent(reason -> json.put("lastFailure", reason));
        entry.deliveredAt().ifPresent(at -> json.put("deliveredAt", at.toString()));
        return json;
    }

    private static OutboxEntry entry(JsonObject json) {
        return new OutboxEntry(OutboxId.of(json.getString("id")), json.getString("payloadRef"),
                OutboxEntry.State.valueOf(json.getString("state")), instant(json, "enqueuedAt"),
                json.getInteger("failedAttempts"), instant(json, "nextAttemptAt"),
                Optional.ofNullable(json.getString("lastFailure")), json.getBoolean("flaggedToLeads"),
                optionalInstant(json, "deliveredAt"));
    }

    private static JsonArray factors(Set<ClinicalFactor> factors) {
        return new JsonArray(factors.stream().map(Enum::name).sorted().toList());
    }

    private static Set<ClinicalFactor> factors(JsonObject json) {
        Set<ClinicalFactor> factors = EnumSet.noneOf(ClinicalFactor.class);
        json.getJsonArray("factors").forEach(name -> factors.add(ClinicalFactor.valueOf((String) name)));
        return factors;
    }

    private static Instant instant(JsonObject json, String field) {
        return Instant.parse(json.getString(field));
    }

    private static Optional<Instant> optionalInstant(JsonObject json, String field) {
        return Optional.ofNullable(json.getString(field)).map(Instant::parse);
    }
}
