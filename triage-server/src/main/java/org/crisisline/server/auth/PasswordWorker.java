package org.crisisline.server.auth;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.Objects;

/**
 * Runs {@link PasswordHasher}'s slow work on Vert.x's worker pool ({@code executeBlocking}, unordered so
 * that sign-ins do not queue behind each other) and hands the result back on the caller's context. Safe
 * to call from any event loop.
 */
public final class PasswordWorker {
    private final Vertx vertx;
    private final PasswordHasher hasher;

    public PasswordWorker(Vertx vertx, PasswordHasher hasher) {
        this.vertx = Objects.requireNonNull(vertx, "vertx");
        this.hasher = Objects.requireNonNull(hasher, "hasher");
    }

    public Future<String> hash(String password) {
        return vertx.executeBlocking(() -> hasher.hash(password), false);
    }

    public Future<Boolean> verify(String password, String phc) {
        return vertx.executeBlocking(() -> hasher.verify(password, phc), false);
    }

    public Future<Boolean> spendWithoutAccount(String password) {
        return vertx.executeBlocking(() -> {
            hasher.spendWithoutAccount(password);
            return false;
        }, false);
    }

    public boolean needsRehash(String phc) {
        return hasher.needsRehash(phc);
    }
}
