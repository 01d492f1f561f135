package org.crisisline.server.pathway.referral;

import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One CMHT referral and how far it has got: the request, its status, when each status was reached, the
 * respond-by deadline, the rejection (when rejected) and how often it has been chased. A team's own rejection
 * ({@code teamRejection}) comes without our fallback plan: until a clinical lead records one, {@code rejection}
 * is empty and the referral {@link #isAwaitingFallback() awaits a fallback}. Immutable; only
 * {@link ReferralLifecycle} makes new states.
 */
public record Referral(ReferralId id, ReferralRequest request, ReferralStatus status, Instant respondBy,
                       Map<ReferralStatus, Instant> reached, Optional<Rejection> rejection, int chases,
                       Optional<Instant> lastChasedAt, Optional<TeamRejection> teamRejection) {
    public Referral {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(respondBy, "respondBy");
        Objects.requireNonNull(rejection, "rejection");
        Objects.requireNonNull(lastChasedAt, "lastChasedAt");
        Objects.requireNonNull(teamRejection, "teamRejection");
        reached = Map.copyOf(reached);
        if (!reached.containsKey(ReferralStatus.DRAFTED)) {
            throw new IllegalArgumentException("a referral has a drafting time");
        }
    }

    public Instant draftedAt() {
        return reached.get(ReferralStatus.DRAFTED);
    }

    /** When the referral reached {@code status}; empty if it has not (or skipped it). */
    public Optional<Instant> reachedAt(ReferralStatus status) {
        return Optional.ofNullable(reached.get(status));
    }

    public Urgency urgency() {
        return request.urgency();
    }

    /** Delivered but the team has not said it has it. */
    public boolean isAwaitingAcknowledgement() {
        return status == ReferralStatus.DELIVERED;
    }

    /** Rejected by the team, and no clinical lead has recorded the fallback plan and its owner yet. */
    public boolean isAwaitingFallback() {
        return status == ReferralStatus.REJECTED && rejection.isEmpty();
    }

    /** Nothing more will happen to it: accepted, or rejected with our fallback plan recorded. */
    public boolean isSettled() {
        return status == ReferralStatus.ACCEPTED || (status == ReferralStatus.REJECTED && rejection.isPresent());
    }

    /** Not accepted or rejected by the respond-by deadline. */
    public boolean isOverdueAt(Instant now) {
        return !status.isDecided() && now.isAfter(respondBy);
    }

    Referral advancedTo(ReferralStatus next, Instant at) {
        Map<ReferralStatus, Instant> more = new EnumMap<>(ReferralStatus.class);
        more.putAll(reached);
        more.putIfAbsent(next, at);
        return new Referral(id, request, next, respondBy, more, rejection, chases, lastChasedAt, teamRejection);
    }

    Referral rejectedWith(Rejection why, Instant at) {
        Referral advanced = advancedTo(ReferralStatus.REJECTED, at);
        return new Referral(id, request, advanced.status, respondBy, advanced.reached, Optional.of(why), chases,
                lastChasedAt, teamRejection);
    }

    Referral rejectedByTeam(TeamRejection why, Instant at) {
        Referral advanced = advancedTo(ReferralStatus.REJECTED, at);
        return new Referral(id, request, advanced.status, respondBy, advanced.reached, Optional.empty(), chases,
                lastChasedAt, Optional.of(why));
    }

    Referral withFallback(Rejection complete) {
        return new Referral(id, request, status, respondBy, reached, Optional.of(complete), chases, lastChasedAt,
                teamRejection);
    }

    Referral chased(Instant at) {
        return new Referral(id, request, status, respondBy, reached, rejection, chases + 1, Optional.of(at),
                teamRejection);
    }
}
