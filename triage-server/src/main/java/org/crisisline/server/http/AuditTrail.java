package org.crisisline.server.http;

import io.vertx.core.Future;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import org.crisisline.server.audit.AuditEntry;
import org.crisisline.server.audit.AuditLog;
import org.crisisline.server.audit.Outcome;

/**
 * Records what a person did through the API in the {@link AuditLog}: decisions, overrides (with their
 * reason) and views of a caller's record. Targets name calls, operatives or pseudonyms, never a phone
 * number. The future fails when the entry was not recorded; the handler must then not report success.
 * Thread-safe.
 */
public final class AuditTrail {
    private static final int MAX_REASON = 500;

    private final AuditLog log;
    private final Clock clock;

    public AuditTrail(AuditLog log, Clock clock) {
        this.log = Objects.requireNonNull(log, "log");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public Future<Void> record(Requester who, String action, String targetType, String targetId,
            Optional<String> reason, Outcome outcome) {
        AuditEntry entry = new AuditEntry(clock.instant(), who.username(), who.roleNames(), action, targetType,
                targetId, reason.map(AuditTrail::fit), outcome);
        return log.record(entry).mapEmpty();
    }

    private static String fit(String reason) {
        return reason.length() <= MAX_REASON ? reason : reason.substring(0, MAX_REASON - 3) + "...";
    }

    public Future<Void> record(Requester who, String action, String targetType, String targetId, Outcome outcome) {
        return record(who, action, targetType, targetId, Optional.empty(), outcome);
    }
}
