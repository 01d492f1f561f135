package org.crisisline.server.pathway.referral;

import java.util.Objects;
import org.crisisline.queue.model.CallId;
import org.crisisline.queue.model.CallerRef;
import org.crisisline.queue.model.OperativeId;
import org.crisisline.server.pathway.cmht.TeamId;

/**
 * What an operative submits during a call to refer the caller to their CMHT (DOMAIN.md, "Pathways"). The
 * caller is a pseudonym; a raw phone number never enters a referral.
 */
public record ReferralRequest(CallId callId, CallerRef caller, TeamId team, Urgency urgency, RiskSummary risk,
                              Consent consent, OperativeId referrer) {
    public ReferralRequest {
        Objects.requireNonNull(callId, "callId");
        Objects.requireNonNull(caller, "caller");
        Objects.requireNonNull(team, "team");
        Objects.requireNonNull(urgency, "urgency");
        Objects.requireNonNull(risk, "risk");
        Objects.requireNonNull(consent, "consent");
        Objects.requireNonNull(referrer, "referrer");
    }
}
