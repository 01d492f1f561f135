package org.crisisline.server.auth;

import io.vertx.core.Future;
import java.util.List;
import java.util.Optional;

/**
 * Where accounts live. A port: the in-memory store is {@link InMemoryAccountStore}; a persistent one
 * would implement the same contract. Every method is non-blocking and may be called from any thread;
 * futures complete on the caller's context or at once.
 */
public interface AccountStore {

    /** The account with this username, or empty; never fails for an unknown name. */
    Future<Optional<Account>> find(String username);

    /** Adds or replaces the account with the same username. */
    Future<Void> save(Account account);

    /** Every account, ordered by username. */
    Future<List<Account>> all();
}
