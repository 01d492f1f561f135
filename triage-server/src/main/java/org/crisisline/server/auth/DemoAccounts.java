package org.crisisline.server.auth;

import io.vertx.core.Future;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.crisisline.queue.model.OperativeId;

/**
 * Creates the demo accounts: operatives {@code op1}, {@code op2}, {@code op3} (each answering calls as the
 * queue operative of the same id), clinical lead {@code lead} and admin {@code admin}, each with a random
 * 20-character password (about 116 bits) made at start and never stored in clear. The passwords are
 * returned once, for the server to print; nothing is hard-coded.
 *
 * <p>Threading: call from an event loop; the hashing runs on workers via {@link PasswordWorker}.
 */
public final class DemoAccounts {
    private static final char[] ALPHABET = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789".toCharArray();
    private static final int PASSWORD_LENGTH = 20;

    private final AccountStore store;
    private final PasswordWorker passwords;
    private final SecureRandom random;

    public DemoAccounts(AccountStore store, PasswordWorker passwords, SecureRandom random) {
        this.store = store;
        this.passwords = passwords;
        this.random = random;
    }

    /** Saves the demo accounts (replacing any of the same names); gives username to password, in order. */
    public Future<Map<String, String>> create() {
        List<Demo> demos = List.of(
                new Demo("op1", "Operative One", Role.OPERATIVE, true),
                new Demo("op2", "Operative Two", Role.OPERATIVE, true),
                new Demo("op3", "Operative Three", Role.OPERATIVE, true),
                new Demo("lead", "Clinical Lead", Role.CLINICAL_LEAD, true),
                new Demo("admin", "Telephony Admin", Role.ADMIN, false));
        Map<String, String> created = new LinkedHashMap<>();
        List<Future<Void>> saved = new ArrayList<>();
        for (Demo demo : demos) {
            String password = newPassword();
            created.put(demo.username, password);
            saved.add(passwords.hash(password).compose(hash -> store.save(demo.account(hash))));
        }
        return Future.all(saved).map(all -> Collections.unmodifiableMap(created));
    }

    String newPassword() {
        char[] password = new char[PASSWORD_LENGTH];
        for (int i = 0; i < password.length; i++) {
            password[i] = ALPHABET[random.nextInt(ALPHABET.length)];
        }
        return new String(password);
    }

    private record Demo(String username, String displayName, Role role, boolean takesCalls) {
        Account account(String hash) {
            Optional<OperativeId> operative = takesCalls ? Optional.of(OperativeId.of(username)) : Optional.empty();
            return new Account(username, displayName, Set.of(role), operative, hash, false);
        }
    }
}
