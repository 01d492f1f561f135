package org.crisisline.server.audit;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A caller's pseudonym for logs, metrics and exports (DOMAIN.md, "Information sharing"):
 * {@code c_} and the lower-case Base32 of the first 10 bytes of HMAC-SHA-256(key, E.164 number), e.g.
 * {@code c_mfrggzdfmztwq2lk}. The same number always gives the same token under one key, whichever way it
 * was written; without the key a token cannot be linked back to a number (80 bits: collisions are
 * negligible for any realistic number of callers).
 *
 * <p>The key ({@code audit.pseudonym-key}, Base64, at least 32 bytes) is never logged or printed.
 * Immutable and thread-safe.
 */
public final class CallerPseudonym {
    public static final String KEY_SETTING = "audit.pseudonym-key";
    public static final int MIN_KEY_BYTES = 32;
    private static final String ALGORITHM = "HmacSHA256";
    private static final char[] BASE32 = "abcdefghijklmnopqrstuvwxyz234567".toCharArray();

    private final SecretKeySpec key;

    private CallerPseudonym(byte[] key) {
        if (key.length < MIN_KEY_BYTES) {
            throw new AuditConfigException(KEY_SETTING, "must be at least " + MIN_KEY_BYTES + " bytes, was "
                    + key.length);
        }
        this.key = new SecretKeySpec(key, ALGORITHM);
    }

    public static CallerPseudonym withKey(byte[] key) {
        Objects.requireNonNull(key, KEY_SETTING);
        return new CallerPseudonym(key.clone());
    }

    /** Reads the key as configured: Base64 (standard or URL-safe). */
    public static CallerPseudonym fromBase64(String encoded) {
        if (encoded == null || encoded.isBlank()) {
            throw new AuditConfigException(KEY_SETTING, "is missing");
        }
        byte[] key;
        try {
            key = Base64.getDecoder().decode(encoded.strip().replace('-', '+').replace('_', '/'));
        } catch (IllegalArgumentException e) {
            throw new AuditConfigException(KEY_SETTING, "is not Base64");
        }
        try {
            return new CallerPseudonym(key);
        } finally {
            Arrays.fill(key, (byte) 0);
        }
    }

    /** The token for an already normalised number. */
    public String of(PhoneNumber number) {
        Mac mac = newMac();
        byte[] digest = mac.doFinal(number.e164().getBytes(StandardCharsets.UTF_8));
        return "c_" + base32(Arrays.copyOf(digest, 10));
    }

    /** The token for a number as written anywhere, or empty when it is not a phone number. */
    public Optional<String> of(String rawNumber) {
        return PhoneNumber.parse(rawNumber).map(this::of);
    }

    @Override
    public String toString() {
        return "CallerPseudonym[key redacted]";
    }

    private Mac newMac() {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac;
        } catch (NoSuchAlgorithmException | InvalidKeyException impossible) {
            throw new IllegalStateException("every JVM has HmacSHA256", impossible);
        }
    }

    /** RFC 4648 Base32 of a multiple of 5 bytes, lower case, no padding. */
    private static String base32(byte[] bytes) {
        StringBuilder out = new StringBuilder(bytes.length * 8 / 5);
        for (int i = 0; i < bytes.length; i += 5) {
            long group = 0;
            for (int j = 0; j < 5; j++) {
                group = (group << 8) | (bytes[i + j] & 0xFF);
            }
            for (int shift = 35; shift >= 0; shift -= 5) {
                out.append(BASE32[(int) ((group >>> shift) & 31)]);
            }
        }
        return out.toString();
    }
}
