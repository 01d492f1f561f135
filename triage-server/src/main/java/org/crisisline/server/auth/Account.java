package org.crisisline.server.auth;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.crisisline.queue.model.OperativeId;

/**
 * A local account: who may sign in, with which roles. Immutable; the password is only ever held as an
 * Argon2id PHC string ({@link PasswordHasher}). A disabled account cannot sign in (and fails exactly like a
 * wrong password, so nobody learns it exists).
 *
 * @param username    the sign-in name: 1 to 64 characters of {@code a-z 0-9 . _ -}, lower case
 * @param displayName the name shown to colleagues
 * @param roles       at least one role
 * @param operativeId the queue's operative this account answers calls as, when it does
 */
public record Account(String username, String displayName, Set<Role> roles, Optional<OperativeId> operativeId,
        String passwordHash, boolean disabled) {
    private static final Pattern USERNAME = Pattern.compile("[a-z0-9._-]{1,64}");

    public Account {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(roles, "roles");
        Objects.requireNonNull(operativeId, "operativeId");
        Objects.requireNonNull(passwordHash, "passwordHash");
        if (!isValidUsername(username)) {
            throw new IllegalArgumentException("a username is 1 to 64 characters of a-z, 0-9, '.', '_' or '-'");
        }
        if (displayName.isBlank()) {
            throw new IllegalArgumentException("an account has a display name");
        }
        if (roles.isEmpty()) {
            throw new IllegalArgumentException("an account has at least one role");
        }
        roles = Set.copyOf(EnumSet.copyOf(roles));
    }

    /** Whether {@code username} has the shape of a username; says nothing about whether it exists. */
    public static boolean isValidUsername(String username) {
        return username != null && USERNAME.matcher(username).matches();
    }

    public boolean hasAnyRole(Set<Role> wanted) {
        return wanted.stream().anyMatch(roles::contains);
    }

    public Account withPasswordHash(String newHash) {
        return new Account(username, displayName, roles, operativeId, newHash, disabled);
    }

    public Account withDisabled(boolean nowDisabled) {
        return new Account(username, displayName, roles, operativeId, passwordHash, nowDisabled);
    }

    /** Never prints the password hash. */
    @Override
    public String toString() {
        return "Account[" + username + ", roles=" + roles + ", disabled=" + disabled + "]";
    }
}
