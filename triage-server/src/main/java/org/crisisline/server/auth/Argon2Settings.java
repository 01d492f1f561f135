package org.crisisline.server.auth;

/**
 * Argon2id cost: {@code auth.argon2.memory-kib} (default 19456, i.e. 19 MiB), {@code auth.argon2.iterations}
 * (default 2) and {@code auth.argon2.parallelism} (default 1): the OWASP Password Storage Cheat Sheet's first
 * recommended configuration. Salts are 16 random bytes and hashes 32 bytes. Tests use tiny values to stay
 * fast; a bad value fails start-up naming its key.
 */
public record Argon2Settings(int memoryKib, int iterations, int parallelism) {
    public static final int SALT_BYTES = 16;
    public static final int HASH_BYTES = 32;

    public Argon2Settings {
        if (parallelism < 1 || parallelism > 16) {
            throw new AuthConfigException("auth.argon2.parallelism", "must be between 1 and 16, was " + parallelism);
        }
        if (iterations < 1 || iterations > 100) {
            throw new AuthConfigException("auth.argon2.iterations", "must be between 1 and 100, was " + iterations);
        }
        // Argon2 itself needs 8 KiB per lane; 4 GiB is far beyond what a login should cost.
        if (memoryKib < 8 * parallelism || memoryKib > 4 * 1024 * 1024) {
            throw new AuthConfigException("auth.argon2.memory-kib",
                    "must be between 8 x parallelism and 4194304, was " + memoryKib);
        }
    }

    /** OWASP's m=19 MiB, t=2, p=1. */
    public static Argon2Settings defaults() {
        return new Argon2Settings(19_456, 2, 1);
    }
}
