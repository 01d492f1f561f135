package org.crisisline.server.audit;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One thing that happened and must be answerable for: when, who (username and roles, or
 * {@value #ANONYMOUS} before sign-in), what ({@code action}, dotted lower case such as
 * {@code auth.login} or {@code caller-record.view}), to what ({@code targetType} and {@code targetId}),
 * why (an optional reason the person gave, e.g. for an override) and how it ended.
 *
 * <p>Never put a caller's raw phone number here: use {@link CallerPseudonym}. Immutable.
 */
public record AuditEntry(Instant time, String actor, List<String> actorRoles, String action, String targetType,
        String targetId, Optional<String> reason, Outcome outcome) {
    public static final String ANONYMOUS = "anonymous";
    private static final Pattern ACTION = Pattern.compile("[a-z][a-z0-9-]*(\\.[a-z][a-z0-9-]*){0,4}");
    private static final int MAX_TEXT = 500;

    public AuditEntry {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(reason, "reason");
        text("actor", actor, 128);
        text("targetType", targetType, 64);
        text("targetId", targetId, 256);
        reason.ifPresent(r -> text("reason", r, MAX_TEXT));
        actorRoles = List.copyOf(actorRoles);
        if (action == null || !ACTION.matcher(action).matches()) {
            throw new IllegalArgumentException("an audit action is dotted lower case, like auth.login");
        }
    }

    /** An entry without a reason. */
    public static AuditEntry of(Instant time, String actor, List<String> actorRoles, String action,
            String targetType, String targetId, Outcome outcome) {
        return new AuditEntry(time, actor, actorRoles, action, targetType, targetId, Optional.empty(), outcome);
    }

    public AuditEntry withReason(String why) {
        return new AuditEntry(time, actor, actorRoles, action, targetType, targetId, Optional.of(why), outcome);
    }

    private static void text(String field, String value, int max) {
        Objects.requireNonNull(value, field);
        if (value.isBlank() || value.length() > max) {
            throw new IllegalArgumentException("audit " + field + " must be 1 to " + max + " characters");
        }
    }
}
