package org.crisisline.server.auth.testing;

import java.security.SecureRandom;
import org.crisisline.server.auth.Argon2Settings;
import org.crisisline.server.auth.PasswordHasher;

/** Argon2 settings small enough for tests to hash hundreds of times a second. */
public final class Tiny {
    public static final Argon2Settings ARGON2 = new Argon2Settings(64, 1, 1);

    private Tiny() {
    }

    public static PasswordHasher hasher() {
        return new PasswordHasher(ARGON2, new SecureRandom());
    }
}
