package org.crisisline.server.http;

import io.vertx.core.Future;
import io.vertx.ext.web.RoutingContext;
import java.util.Objects;
import org.crisisline.server.auth.Account;
import org.crisisline.server.auth.AccountStore;
import org.crisisline.server.auth.Session;

/**
 * Resolves the {@link Requester} of a guarded request: its session, and the operative its account answers
 * calls as (looked up in the {@link AccountStore}, since sessions do not carry it). Non-blocking; thread-safe.
 */
public final class Requesters {
    private final AccountStore accounts;

    public Requesters(AccountStore accounts) {
        this.accounts = Objects.requireNonNull(accounts, "accounts");
    }

    public Future<Requester> of(RoutingContext rc) {
        Session session = Requester.session(rc);
        return accounts.find(session.username())
                .map(account -> new Requester(session, account.flatMap(Account::operativeId)));
    }
}
