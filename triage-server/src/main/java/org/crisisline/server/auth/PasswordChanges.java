package org.crisisline.server.auth;

import io.vertx.core.Future;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.crisisline.server.audit.AuditEntry;
import org.crisisline.server.audit.AuditLog;
import org.crisisline.server.audit.Outcome;

/**
 * Sets a new password: the account holder, who must give the current password, or an admin for any
 * account (a reset). The new password must pass the {@link PasswordPolicy}. After a change every session of
 * the account ends, the changer's own included. Every change and every refusal is audited
 * ({@value #ACTION}); refusals are {@link Verdict.Refused} values with a reason to show, and change nothing.
 *
 * <p>Threading: call from an event loop; hashing runs on workers via {@link PasswordWorker}.
 */
public final class PasswordChanges {
    public static final String ACTION = "account.password-change";

    private final AccountStore accounts;
    private final PasswordWorker passwords;
    private final PasswordPolicy policy;
    private final SessionRegistry sessions;
    private final AuditLog audit;
    private final Clock clock;

    public PasswordChanges(AccountStore accounts, PasswordWorker passwords, PasswordPolicy policy,
            SessionRegistry sessions, AuditLog audit, Clock clock) {
        this.accounts = Objects.requireNonNull(accounts, "accounts");
        this.passwords = Objects.requireNonNull(passwords, "passwords");
        this.policy = Objects.requireNonNull(policy, "policy");
        this.sessions = Objects.requireNonNull(sessions, "sessions");
        this.audit = Objects.requireNonNull(audit, "audit");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * @param currentPassword the holder's current password; ignored (may be null) when an admin changes
     *                        someone else's
     */
    public Future<Verdict> change(Session actor, String username, String currentPassword, String newPassword) {
        boolean own = actor.username().equals(username);
        if (!own && !actor.hasAnyRole(Set.of(Role.ADMIN))) {
            return refused(actor, username, Outcome.DENIED, "Only the account holder or an admin may change a password.");
        }
        Verdict acceptable = policy.check(username, newPassword);
        if (acceptable instanceof Verdict.Refused weak) {
            return refused(actor, username, Outcome.FAILED, weak.reason());
        }
        return accounts.find(username).compose(found -> {
            if (found.isEmpty()) {
                return refused(actor, username, Outcome.FAILED, "There is no such account.");
            }
            Account account = found.get();
            Future<Boolean> holderConfirmed = own
                    ? passwords.verify(currentPassword == null ? "" : currentPassword, account.passwordHash())
                    : Future.succeededFuture(true);
            return holderConfirmed.compose(confirmed -> confirmed
                    ? store(actor, account, newPassword)
                    : refused(actor, username, Outcome.DENIED, "The current password is wrong."));
        });
    }

    private Future<Verdict> store(Session actor, Account account, String newPassword) {
        return passwords.hash(newPassword)
                .compose(hash -> accounts.save(account.withPasswordHash(hash)))
                .map(saved -> sessions.endAllOf(account.username()))
                .compose(ended -> audit.record(entry(actor, account.username(), Outcome.SUCCEEDED)))
                .map(Verdict.ALLOWED);
    }

    private Future<Verdict> refused(Session actor, String username, Outcome outcome, String reason) {
        return audit.record(entry(actor, username, outcome).withReason(reason)).map(Verdict.refused(reason));
    }

    private AuditEntry entry(Session actor, String username, Outcome outcome) {
        List<String> roles = actor.roles().stream().map(Role::name).sorted().toList();
        String target = Account.isValidUsername(username) ? username : "(not a username)";
        return AuditEntry.of(clock.instant(), actor.username(), roles, ACTION, LoginService.TARGET, target, outcome);
    }
}
