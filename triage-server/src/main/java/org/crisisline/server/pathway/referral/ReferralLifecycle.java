package org.crisisline.server.pathway.referral;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.crisisline.server.pathway.Result;

/**
 * The referral state machine (DOMAIN.md, "Pathways"): DRAFTED → QUEUED → DELIVERED → ACKNOWLEDGED →
 * ACCEPTED or REJECTED. Each operation returns the new referral and its events, or a rejection with a
 * reason; repeating an operation that has already happened changes nothing and yields no events. A
 * later step proves the earlier ones (an acknowledgement proves delivery even if the 2xx was lost), so
 * it fills them in. Delivery retries live in the {@link org.crisisline.server.pathway.outbox.Outbox}.
 * Time comes from the injected clock. Stateless apart from that; thread-safe.
 */
public final class ReferralLifecycle {
    private final Clock clock;
    private final ReferralConfig config;
    private final RejectionPolicy rejections;

    public ReferralLifecycle(Clock clock, ReferralConfig config) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.config = Objects.requireNonNull(config, "config");
        this.rejections = new RejectionPolicy(config);
    }

    /** The rules a rejection is checked with, so an edge can tell a rule's refusal from a conflict before it applies one. */
    public RejectionPolicy rejections() {
        return rejections;
    }

    /** Record a referral during the call; refused without the caller's consent. */
    public Result<Referral> draft(ReferralId id, ReferralRequest request) {
        if (!request.consent().given()) {
            return Result.rejected("the caller has not consented to a CMHT referral: choose another pathway");
        }
        Instant now = clock.instant();
        Referral referral = new Referral(id, request, ReferralStatus.DRAFTED,
                now.plus(config.respondWithin(request.urgency())), Map.of(ReferralStatus.DRAFTED, now),
                Optional.empty(), 0, Optional.empty(), Optional.empty());
        return Result.accepted(referral, List.of(new ReferralEvent.ReferralDrafted(referral, now)));
    }

    /** Put into the durable outbox. */
    public Result<Referral> queue(Referral referral) {
        return advance(referral, ReferralStatus.QUEUED);
    }

    /** The team's endpoint answered 2xx. */
    public Result<Referral> delivered(Referral referral) {
        return advance(referral, ReferralStatus.DELIVERED);
    }

    public Result<Referral> acknowledge(Referral referral) {
        return advance(referral, ReferralStatus.ACKNOWLEDGED);
    }

    public Result<Referral> accept(Referral referral) {
        if (referral.status() == ReferralStatus.REJECTED) {
            return Result.rejected("referral " + referral.id() + " was already rejected");
        }
        return advance(referral, ReferralStatus.ACCEPTED);
    }

    /** Record the team's rejection, if {@link RejectionPolicy} allows it. */
    public Result<Referral> reject(Referral referral, Rejection rejection) {
        if (referral.status() == ReferralStatus.REJECTED) {
            return referral.rejection().orElseThrow().equals(rejection)
                    ? Result.accepted(referral)
                    : Result.rejected("referral " + referral.id() + " was already rejected with another reason");
        }
        if (referral.status() == ReferralStatus.ACCEPTED) {
            return Result.rejected("referral " + referral.id() + " was already accepted");
        }
        Result<Rejection> allowed = rejections.check(rejection);
        if (allowed instanceof Result.Rejected<Rejection> refused) {
            return Result.rejected(refused.reason());
        }
        return advance(referral, ReferralStatus.REJECTED, r -> r.rejectedWith(rejection, clock.instant()));
    }

    /**
     * Record the team's own rejection, which has no fallback plan yet: the referral becomes REJECTED and
     * {@linkplain Referral#isAwaitingFallback() awaits a fallback} from a clinical lead. The grounds are checked
     * by {@link RejectionPolicy#checkGrounds} (clinical factors never exclude by themselves). The same
     * rejection again changes nothing.
     */
    public Result<Referral> rejectByTeam(Referral referral, TeamRejection rejection) {
        if (referral.status() == ReferralStatus.REJECTED) {
            return referral.teamRejection().filter(rejection::equals).isPresent()
                    ? Result.accepted(referral)
                    : Result.rejected("referral " + referral.id() + " was already rejected with another reason");
        }
        if (referral.status() == ReferralStatus.ACCEPTED) {
            return Result.rejected("referral " + referral.id() + " was already accepted");
        }
        Result<TeamRejection> allowed = rejections.checkGrounds(rejection);
        if (allowed instanceof Result.Rejected<TeamRejection> refused) {
            return Result.rejected(refused.reason());
        }
        return advance(referral, ReferralStatus.REJECTED, r -> r.rejectedByTeam(rejection, clock.instant()));
    }

    /**
     * A clinical lead records the fallback plan and its owner for a referral the team rejected, completing the
     * rejection (checked by {@link RejectionPolicy#check}). The same plan again changes nothing; another one is
     * refused, as the first is already being acted on.
     */
    public Result<Referral> recordFallback(Referral referral, String plan, String owner) {
        if (referral.teamRejection().isEmpty()) {
            return Result.rejected("referral " + referral.id() + " has no rejection from its team to answer");
        }
        Rejection complete = referral.teamRejection().get().withFallback(plan, owner);
        if (referral.rejection().isPresent()) {
            return referral.rejection().get().equals(complete)
                    ? Result.accepted(referral)
                    : Result.rejected("referral " + referral.id() + " already has a fallback plan");
        }
        Result<Rejection> allowed = rejections.check(complete);
        if (allowed instanceof Result.Rejected<Rejection> refused) {
            return Result.rejected(refused.reason());
        }
        Referral answered = referral.withFallback(complete);
        return Result.accepted(answered,
                List.of(new ReferralEvent.FallbackRecorded(answered, complete, clock.instant())));
    }

    /** Record that the team was chased for an acknowledgement. A second chase at the same instant changes nothing. */
    public Result<Referral> chase(Referral referral) {
        Instant now = clock.instant();
        if (!referral.isAwaitingAcknowledgement()) {
            return Result.rejected("only a delivered, unacknowledged referral is chased; " + referral.id()
                    + " is " + referral.status());
        }
        if (referral.lastChasedAt().filter(now::equals).isPresent()) {
            return Result.accepted(referral);
        }
        Referral chased = referral.chased(now);
        return Result.accepted(chased, List.of(new ReferralEvent.ReferralChased(chased, now)));
    }

    private Result<Referral> advance(Referral referral, ReferralStatus target) {
        return advance(referral, target, r -> {
            throw new IllegalStateException("a rejection is reached only through reject or rejectByTeam");
        });
    }

    /** Moves through every step up to {@code target}; {@code rejecting} makes the REJECTED step. */
    private Result<Referral> advance(Referral referral, ReferralStatus target, UnaryOperator<Referral> rejecting) {
        if (referral.status().isAtLeast(target) || referral.status().isDecided()) {
            return Result.accepted(referral);
        }
        if (referral.status() == ReferralStatus.DRAFTED && target != ReferralStatus.QUEUED) {
            return Result.rejected("referral " + referral.id() + " has not been sent yet");
        }
        Instant now = clock.instant();
        List<ReferralEvent> events = new ArrayList<>();
        Referral current = referral;
        for (ReferralStatus step : ReferralStatus.values()) {
            if (step.compareTo(current.status()) <= 0 || step.compareTo(target) > 0) {
                continue;
            }
            if (step == ReferralStatus.ACCEPTED && target == ReferralStatus.REJECTED) {
                continue;
            }
            current = step == ReferralStatus.REJECTED ? rejecting.apply(current) : current.advancedTo(step, now);
            events.add(eventFor(current, now));
        }
        return Result.accepted(current, events);
    }

    private static ReferralEvent eventFor(Referral referral, Instant now) {
        return switch (referral.status()) {
            case DRAFTED -> new ReferralEvent.ReferralDrafted(referral, now);
            case QUEUED -> new ReferralEvent.ReferralQueued(referral, now);
            case DELIVERED -> new ReferralEvent.ReferralDelivered(referral, now);
            case ACKNOWLEDGED -> new ReferralEvent.ReferralAcknowledged(referral, now);
            case ACCEPTED -> new ReferralEvent.ReferralAccepted(referral, now);
            case REJECTED -> referral.rejection().isPresent()
                    ? new ReferralEvent.ReferralRejected(referral, referral.rejection().get(), now)
                    : new ReferralEvent.ReferralRejectedByTeam(referral, referral.teamRejection().orElseThrow(), now);
        };
    }
}
