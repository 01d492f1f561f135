package org.crisisline.server.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * Argon2id password hashing (BouncyCastle's {@link Argon2BytesGenerator}) in the PHC string format
 * {@code $argon2id$v=19$m=<kib>,t=<iterations>,p=<lanes>$<salt>$<hash>} (unpadded standard Base64), with
 * constant-time verification and detection of hashes made with other settings.
 *
 * <p><b>Threading:</b> stateless and thread-safe, but every method except {@link #needsRehash} is slow by
 * design (tens of milliseconds and {@code memory-kib} of memory) and <b>blocks</b>: call it on a worker
 * ({@code vertx.executeBlocking}), never on an event loop. {@link PasswordWorker} does that for you.
 */
public final class PasswordHasher {
    private static final Pattern PHC = Pattern.compile(
            "\\$argon2id\\$v=19\\$m=(\\d{1,7}),t=(\\d{1,3}),p=(\\d{1,2})\\$([A-Za-z0-9+/]{11,64})\\$([A-Za-z0-9+/]{16,128})");
    private static final Base64.Encoder B64 = Base64.getEncoder().withoutPadding();
    private static final Base64.Decoder B64_DECODER = Base64.getDecoder();
    /** A fixed salt for {@link #spendWithoutAccount}: its result is thrown away, only its cost matters. */
    private static final byte[] DUMMY_SALT = new byte[Argon2Settings.SALT_BYTES];

    private final Argon2Settings settings;
    private final SecureRandom random;

    public PasswordHasher(Argon2Settings settings, SecureRandom random) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.random = Objects.requireNonNull(random, "random");
    }

    /** A new PHC string for {@code password} with a fresh random salt and the current settings. Blocks. */
    public String hash(String password) {
        byte[] salt = new byte[Argon2Settings.SALT_BYTES];
        random.nextBytes(salt);
        byte[] hash = derive(password, salt, settings, Argon2Settings.HASH_BYTES);
        return "$argon2id$v=19$m=" + settings.memoryKib() + ",t=" + settings.iterations() + ",p="
                + settings.parallelism() + "$" + B64.encodeToString(salt) + "$" + B64.encodeToString(hash);
    }

    /**
     * Whether {@code password} matches {@code phc}, compared in constant time using the settings stored in
     * {@code phc} (not the current ones). A malformed {@code phc} never matches. Blocks.
     */
    public boolean verify(String password, String phc) {
        Optional<Stored> stored = parse(phc);
        if (stored.isEmpty()) {
            spendWithoutAccount(password);
            return false;
        }
        Stored s = stored.get();
        byte[] candidate = derive(password, s.salt, s.settings, s.hash.length);
        return MessageDigest.isEqual(candidate, s.hash);
    }

    /**
     * Spends the same work as a verification with the current settings and returns nothing: for a login
     * with an unknown username, so that its answer takes as long as a wrong password. Blocks.
     */
    public void spendWithoutAccount(String password) {
        derive(password, DUMMY_SALT, settings, Argon2Settings.HASH_BYTES);
    }

    /** Whether {@code phc} was made with other settings (or is unreadable) and should be replaced at the next sign-in. Cheap. */
    public boolean needsRehash(String phc) {
        return parse(phc)
                .map(s -> !s.settings.equals(settings)
                        || s.salt.length != Argon2Settings.SALT_BYTES
                        || s.hash.length != Argon2Settings.HASH_BYTES)
                .orElse(true);
    }

    private static byte[] derive(String password, byte[] salt, Argon2Settings with, int length) {
        Argon2Parameters parameters = new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withMemoryAsKB(with.memoryKib())
                .withIterations(with.iterations())
                .withParallelism(with.parallelism())
                .withSalt(salt)
                .build();
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(parameters);
        byte[] secret = password.getBytes(StandardCharsets.UTF_8);
        byte[] out = new byte[length];
        try {
            generator.generateBytes(secret, out);
            return out;
        } finally {
            Arrays.fill(secret, (byte) 0);
        }
    }

    private static Optional<Stored> parse(String phc) {
        if (phc == null) {
            return Optional.empty();
        }
        Matcher m = PHC.matcher(phc);
        if (!m.matches()) {
            return Optional.empty();
        }
        try {
            Argon2Settings stored = new Argon2Settings(
                    Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
            return Optional.of(new Stored(stored, B64_DECODER.decode(m.group(4)), B64_DECODER.decode(m.group(5))));
        } catch (IllegalArgumentException unreadable) {
            return Optional.empty();
        }
    }

    private record Stored(Argon2Settings settings, byte[] salt, byte[] hash) {
    }
}
