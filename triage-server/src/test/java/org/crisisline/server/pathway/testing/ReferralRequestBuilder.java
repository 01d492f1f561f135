package org.crisisline.server.pathway.testing;

import java.time.Instant;
import org.crisisline.queue.model.CallId;
import org.crisisline.queue.model.CallerRef;
import org.crisisline.queue.model.OperativeId;
import org.crisisline.server.pathway.cmht.TeamId;
import org.crisisline.server.pathway.referral.Consent;
import org.crisisline.server.pathway.referral.ReferralRequest;
import org.crisisline.server.pathway.referral.RiskSummary;
import org.crisisline.server.pathway.referral.Urgency;

/**
 * Builds a referral request: {@code aReferralRequest().urgent().withoutConsent().build()}. Unless told:
 * routine, to team "leeds-west", with consent, no clinical risk flag, from operative "op-1" on call "call-1".
 */
public final class ReferralRequestBuilder {
    private static final Instant ASKED = Instant.parse("2026-11-27T10:00:00Z");

    private Urgency urgency = Urgency.ROUTINE;
    private Consent consent = Consent.given(ASKED);
    private String team = "leeds-west";
    private String risk = "Low mood for six weeks, no plan, protective factors: family";
    private boolean clinicalRisk;
    private String call = "call-1";

    public static ReferralRequestBuilder aReferralRequest() {
        return new ReferralRequestBuilder();
    }

    public ReferralRequestBuilder withUrgency(Urgency newUrgency) {
        this.urgency = newUrgency;
        return this;
    }

    public ReferralRequestBuilder emergency() {
        return withUrgency(Urgency.EMERGENCY);
    }

    public ReferralRequestBuilder urgent() {
        return withUrgency(Urgency.URGENT);
    }

    public ReferralRequestBuilder withoutConsent() {
        this.consent = Consent.refused(ASKED);
        return this;
    }

    public ReferralRequestBuilder toTeam(String teamId) {
        this.team = teamId;
        return this;
    }

    public ReferralRequestBuilder withClinicalRisk(String summary) {
        this.risk = summary;
        this.clinicalRisk = true;
        return this;
    }

    /** Made on another call (so another referral id). */
    public ReferralRequestBuilder onCall(String callId) {
        this.call = callId;
        return this;
    }

    public ReferralRequest build() {
        return new ReferralRequest(CallId.of(call), new CallerRef("k7f3a9c2e1"), TeamId.of(team), urgency,
                new RiskSummary(risk, clinicalRisk), consent, OperativeId.of("op-1"));
    }
}
