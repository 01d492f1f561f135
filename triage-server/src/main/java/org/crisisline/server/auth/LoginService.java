package org.crisisline.server.auth;

import io.vertx.core.Future;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.crisisline.server.audit.AuditEntry;
import org.crisisline.server.audit.AuditLog;
import org.crisisline.server.audit.Outcome;

/**
 * Checks a username and password: rate limit first ({@link LoginThrottle}), then the password on a worker
 * ({@link PasswordWorker}). An unknown username or a disabled account still costs one Argon2 computation, so
 * neither the answer nor its timing tells whether an account exists. A hash made with old settings is
 * replaced after a successful check. Every success, failure and lockout is audited (action
 * {@code auth.login}, and {@code auth.lockout} when a failure locks further attempts); if the audit log
 * cannot record it, the sign-in fails.
 *
 * <p>Threading: call from an event loop; never blocks it. Futures complete on the caller's context.
 */
public final class LoginService {
    public static final String ACTION_LOGIN = "auth.login";
    public static final String ACTION_LOCKOUT = "auth.lockout";
    public static final String TARGET = "account";

    private final AccountStore accounts;
    private final PasswordWorker passwords;
    private final LoginThrottle throttle;
    private final AuditLog audit;
    private final Clock clock;

    public LoginService(AccountStore accounts, PasswordWorker passwords, LoginThrottle throttle, AuditLog audit,
            Clock clock) {
        this.accounts = Objects.requireNonNull(accounts, "accounts");
        this.passwords = Objects.requireNonNull(passwords, "passwords");
        this.throttle = Objects.requireNonNull(throttle, "throttle");
        this.audit = Objects.requireNonNull(audit, "audit");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Tries a sign-in for {@code typed} (the username as typed; compared in lower case) with
     * {@code password} from client {@code address}.
     */
    public Future<LoginOutcome> login(String typed, String password, String address) {
        String username = typed == null ? null : typed.toLowerCase(Locale.ROOT);
        ThrottleDecision gate = throttle.begin(username, address);
        if (gate instanceof ThrottleDecision.Locked locked) {
            return audited(username, List.of(), ACTION_LOGIN, Outcome.DENIED, "locked by the sign-in rate limit")
                    .map(new LoginOutcome.Locked(locked.retryAfter()));
        }
        return find(username)
                .compose(account -> check(account, password))
                .onFailure(undecided -> throttle.abandon(username, address))
                .compose(account -> account.isPresent()
                        ? signedIn(account.get(), password, address)
                        : refused(username, address));
    }

    private Future<Optional<Account>> find(String username) {
        return Account.isValidUsername(username) ? accounts.find(username) : Future.succeededFuture(Optional.empty());
    }

    /** The account when the password is right; empty otherwise, after the same work either way. */
    private Future<Optional<Account>> check(Optional<Account> account, String password) {
        if (account.isEmpty() || account.get().disabled()) {
            return passwords.spendWithoutAccount(password).map(Optional.empty());
        }
        return passwords.verify(password, account.get().passwordHash())
                .map(matches -> matches ? account : Optional.empty());
    }

    private Future<LoginOutcome> signedIn(Account account, String password, String address) {
        throttle.recordSuccess(account.username(), address);
        return rehashIfNeeded(account, password)
                .compose(current -> audited(current.username(), roleNames(current), ACTION_LOGIN, Outcome.SUCCEEDED, null)
                        .map(new LoginOutcome.SignedIn(current)));
    }

    private Future<LoginOutcome> refused(String username, String address) {
        ThrottleDecision after = throttle.recordFailure(username, address);
        Future<?> failed = audited(username, List.of(), ACTION_LOGIN, Outcome.FAILED, null);
        if (after.isLocked()) {
            failed = failed.compose(r -> audited(username, List.of(), ACTION_LOCKOUT, Outcome.DENIED,
                    "too many failed sign-ins"));
        }
        return failed.map(new LoginOutcome.Refused());
    }

    private Future<Account> rehashIfNeeded(Account account, String password) {
        if (!passwords.needsRehash(account.passwordHash())) {
            return Future.succeededFuture(account);
        }
        return passwords.hash(password)
                .map(account::withPasswordHash)
                .compose(updated -> accounts.save(updated).map(updated));
    }

    private Future<?> audited(String username, List<String> roles, String action, Outcome outcome, String reason) {
        // A name that is not a username shape (perhaps a password typed in the wrong box) is not recorded.
        String target = Account.isValidUsername(username) ? username : "(not a username)";
        String actor = outcome == Outcome.SUCCEEDED ? username : AuditEntry.ANONYMOUS;
        AuditEntry entry = AuditEntry.of(clock.instant(), actor, roles, action, TARGET, target, outcome);
        return audit.record(reason == null ? entry : entry.withReason(reason));
    }

    static List<String> roleNames(Account account) {
        return account.roles().stream().map(Role::name).sorted().toList();
    }
}
