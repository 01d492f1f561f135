package org.crisisline.server.pathway.rules;

import java.util.List;
import java.util.Optional;
import org.crisisline.server.pathway.Result;
import org.crisisline.server.pathway.rules.PathwayChoice.AdviceAndClose;
import org.crisisline.server.pathway.rules.PathwayChoice.CafeSignpost;
import org.crisisline.server.pathway.rules.PathwayChoice.CheckInBooking;
import org.crisisline.server.pathway.rules.PathwayChoice.CmhtReferral;
import org.crisisline.server.pathway.rules.PathwayChoice.EmergencyEscalation;

/**
 * Whether the pathways chosen for a call are allowed (DOMAIN.md, "Pathways"):
 * <ul>
 *   <li>at least one pathway: no call ends in a dead end;</li>
 *   <li>emergency escalation is allowed at any time, for any caller (it only needs to name the service);</li>
 *   <li>"advice and close" records the advice given and the next step;</li>
 *   <li>a CMHT referral needs the caller's consent;</li>
 *   <li>cafés are non-clinical: for a tier-1 caller or one with clinical risk, a café (or a café with
 *       advice) cannot be the only pathway; a referral, an escalation, a callback or a check-in must go
 *       with it.</li>
 * </ul>
 * Returns the allowed {@link PathwayPlan} or the first rule broken. Stateless and thread-safe.
 */
public final class PathwayPolicy {

    public Result<PathwayPlan> check(CallContext context, List<PathwayChoice> choices) {
        if (choices.isEmpty()) {
            return Result.rejected("choose at least one pathway: no call ends in a dead end");
        }
        Optional<String> broken = choices.stream().map(PathwayPolicy::brokenRule).flatMap(Optional::stream).findFirst();
        if (broken.isPresent()) {
            return Result.rejected(broken.get());
        }
        boolean signposted = choices.stream().anyMatch(CafeSignpost.class::isInstance);
        boolean covered = choices.stream().anyMatch(PathwayChoice::isClinicalOrFollowUp);
        if (context.needsClinicalCover() && signposted && !covered) {
            return Result.rejected("a crisis café is non-clinical: it cannot be the only pathway for a "
                    + (context.tier().isImmediateRisk() ? "tier-1 caller" : "caller with clinical risk")
                    + "; add a referral, an escalation, a callback or a check-in");
        }
        return Result.accepted(new PathwayPlan(context, choices));
    }

    private static Optional<String> brokenRule(PathwayChoice choice) {
        if (choice instanceof EmergencyEscalation escalation && escalation.service().isBlank()) {
            return Optional.of("an emergency escalation names the service it goes to");
        }
        if (choice instanceof AdviceAndClose advice) {
            if (advice.adviceGiven().isBlank()) {
                return Optional.of("advice and close records the advice given");
            }
            if (advice.nextStep().isBlank()) {
                return Optional.of("advice and close records what happens next: no dead ends");
            }
        }
        if (choice instanceof CheckInBooking checkIn && (checkIn.every().isZero() || checkIn.every().isNegative())) {
            return Optional.of("check-in calls need a positive interval");
        }
        if (choice instanceof CmhtReferral referral && !referral.consent().given()) {
            return Optional.of("a CMHT referral needs the caller's consent");
        }
        return Optional.empty();
    }
}
