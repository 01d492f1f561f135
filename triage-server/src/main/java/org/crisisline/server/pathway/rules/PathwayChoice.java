package org.crisisline.server.pathway.rules;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import org.crisisline.server.pathway.cafe.CafeId;
import org.crisisline.server.pathway.cmht.TeamId;
import org.crisisline.server.pathway.referral.Consent;
import org.crisisline.server.pathway.referral.Urgency;

/**
 * One pathway chosen for a call (DOMAIN.md, "Pathways"). A call may take several: a café and a callback,
 * an emergency escalation and a CMHT referral. {@link PathwayPolicy} decides whether a set is allowed.
 */
public sealed interface PathwayChoice {

    /** Whether this pathway involves a clinical service or a follow-up by the line (not only a non-clinical signpost or advice). */
    boolean isClinicalOrFollowUp();

    /** A referral to a CMHT, with how fast it must respond and the operative's summary of the caller's risk. */
    record CmhtReferral(TeamId team, Consent consent, Urgency urgency, String riskSummary) implements PathwayChoice {
        public CmhtReferral {
            Objects.requireNonNull(team, "team");
            Objects.requireNonNull(consent, "consent");
            Objects.requireNonNull(urgency, "urgency");
            Objects.requireNonNull(riskSummary, "riskSummary");
        }

        @Override
        public boolean isClinicalOrFollowUp() {
            return true;
        }
    }

    record CafeSignpost(CafeId cafe) implements PathwayChoice {
        public CafeSignpost {
            Objects.requireNonNull(cafe, "cafe");
        }

        @Override
        public boolean isClinicalOrFollowUp() {
            return false;
        }
    }

    /** Transfer to emergency services or crisis outreach, e.g. "999 ambulance", "crisis outreach within 4 h". */
    record EmergencyEscalation(String service) implements PathwayChoice {
        public EmergencyEscalation {
            Objects.requireNonNull(service, "service");
        }

        @Override
        public boolean isClinicalOrFollowUp() {
            return true;
        }
    }

    /** Close the call with advice; both the advice given and the next step must be recorded. */
    record AdviceAndClose(String adviceGiven, String nextStep) implements PathwayChoice {
        public AdviceAndClose {
            Objects.requireNonNull(adviceGiven, "adviceGiven");
            Objects.requireNonNull(nextStep, "nextStep");
        }

        @Override
        public boolean isClinicalOrFollowUp() {
            return false;
        }
    }

    /** A callback booked for a time slot. */
    record CallbackBooking(Instant slotStart) implements PathwayChoice {
        public CallbackBooking {
            Objects.requireNonNull(slotStart, "slotStart");
        }

        @Override
        public boolean isClinicalOrFollowUp() {
            return true;
        }
    }

    /** A series of check-in calls (for someone on a CMHT waiting list). */
    record CheckInBooking(Instant firstCall, Duration every) implements PathwayChoice {
        public CheckInBooking {
            Objects.requireNonNull(firstCall, "firstCall");
            Objects.requireNonNull(every, "every");
        }

        @Override
        public boolean isClinicalOrFollowUp() {
            return true;
        }
    }
}
