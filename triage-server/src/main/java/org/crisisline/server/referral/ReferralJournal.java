package org.crisisline.server.referral;

import io.vertx.core.Future;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.crisisline.server.audit.AuditEntry;
import org.crisisline.server.audit.AuditLog;
import org.crisisline.server.audit.Outcome;
import org.crisisline.server.pathway.PathwayEvent;
import org.crisisline.server.pathway.outbox.OutboxEvent;
import org.crisisline.server.pathway.referral.ReferralEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes each change to a referral in the audit log and the application log: {@code referral.queued},
 * {@code referral.delivered}, {@code referral.delivery-failed}, {@code referral.entry-flagged-to-leads},
 * {@code referral.acknowledged}, {@code referral.rejected-by-team}, {@code referral.fallback-recorded},
 * {@code referral.chased} and so on (the event's name), with the referral id as target. Neither log gets a
 * phone number, a risk summary or a caller pseudonym: ids, teams, statuses and failure reasons only.
 * Thread-safe.
 */
public final class ReferralJournal {
    private static final Logger log = LoggerFactory.getLogger(ReferralJournal.class);

    /** Who made the change: a person (username and roles) or a part of the server. */
    public record By(String name, List<String> roles) {
        public static final By DELIVERY = new By("system:referral-delivery", List.of());

        public By {
            Objects.requireNonNull(name, "name");
            roles = List.copyOf(roles);
        }
    }

    private final AuditLog audit;
    private final Clock clock;

    public ReferralJournal(AuditLog audit, Clock clock) {
        this.audit = Objects.requireNonNull(audit, "audit");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Records every event worth keeping; fails if the audit log did not take one. */
    public Future<Void> record(List<PathwayEvent> events, By by) {
        List<Future<?>> written = new ArrayList<>();
        for (PathwayEvent event : events) {
            entry(event, by).ifPresent(entry -> {
                log.info("{} {} by {}{}", entry.action(), entry.targetId(), by.name(),
                        entry.reason().map(r -> ": " + r).orElse(""));
                written.add(audit.record(entry));
            });
        }
        return Future.all(written).mapEmpty();
    }

    private Optional<AuditEntry> entry(PathwayEvent event, By by) {
        if (event instanceof ReferralEvent changed) {
            return Optional.of(entry(changed, changed.referral().id().value(), detail(changed), by));
        }
        if (event instanceof OutboxEvent.DeliveryFailed failed) {
            return Optional.of(entry(event, failed.id().value(), Optional.of("attempt " + failed.failedAttempts()
                    + " failed: " + failed.reason()), by));
        }
        if (event instanceof OutboxEvent.EntryFlaggedToLeads flagged) {
            return Optional.of(entry(event, flagged.id().value(), Optional.of(flagged.failedAttempts()
                    + " failed attempts, last: " + flagged.lastFailure()), by));
        }
        return Optional.empty(); // enqueued and delivered outbox entries repeat the referral's own events
    }

    private static Optional<String> detail(ReferralEvent event) {
        if (event instanceof ReferralEvent.ReferralQueued queued) {
            return Optional.of("to team " + queued.referral().request().team() + ", "
                    + queued.referral().urgency().key());
        }
        if (event instanceof ReferralEvent.ReferralRejectedByTeam rejected) {
            return Optional.of(rejected.rejection().reason().name());
        }
        if (event instanceof ReferralEvent.FallbackRecorded fallback) {
            return Optional.of("owner: " + fallback.rejection().fallbackOwner());
        }
        if (event instanceof ReferralEvent.ReferralChased chased) {
            return Optional.of("chase " + chased.referral().chases());
        }
        return Optional.empty();
    }

    private AuditEntry entry(PathwayEvent event, String referral, Optional<String> reason, By by) {
        return new AuditEntry(clock.instant(), by.name(), by.roles(), "referral." + actionOf(event), "referral",
                referral, reason.map(ReferralJournal::fit), Outcome.SUCCEEDED);
    }

    /** {@code ReferralRejectedByTeam} → {@code rejected-by-team}; {@code DeliveryFailed} → {@code delivery-failed}. */
    static String actionOf(PathwayEvent event) {
        String name = event.getClass().getSimpleName().replaceFirst("^Referral", "");
        return name.replaceAll("([a-z])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }

    private static String fit(String reason) {
        return reason.length() <= 500 ? reason : reason.substring(0, 497) + "...";
    }
}
