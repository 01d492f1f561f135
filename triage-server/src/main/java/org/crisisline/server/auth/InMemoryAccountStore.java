package org.crisisline.server.auth;

import io.vertx.core.Future;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Accounts in a {@link ConcurrentHashMap}: thread-safe, completes every future at once, forgets everything
 * on restart. For tests, demos and a single-node server whose accounts are created at start.
 */
public final class InMemoryAccountStore implements AccountStore {
    private final Map<String, Account> accounts = new ConcurrentHashMap<>();

    @Override
    public Future<Optional<Account>> find(String username) {
        return Future.succeededFuture(username == null ? Optional.empty() : Optional.ofNullable(accounts.get(username)));
    }

    @Override
    public Future<Void> save(Account account) {
        accounts.put(account.username(), account);
        return Future.succeededFuture();
    }

    @Override
    public Future<List<Account>> all() {
        return Future.succeededFuture(accounts.values().stream()
                .sorted(Comparator.comparing(Account::username))
                .toList());
    }
}
