package org.crisisline.server.routing;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.crisisline.queue.model.CallerRef;

/**
 * Turns a caller's raw number into a {@link CallerRef}: a keyed hash (HMAC-SHA256, DOMAIN.md
 * "Information sharing"), so the same number gives the same pseudonym under one key and nobody
 * without the key can go back to the number. A withheld number gets a pseudonym of its own call.
 *
 * <p>Threading: not thread-safe ({@link Mac} is not); one owner, the router.
 */
public final class CallerPseudonyms {
    private static final String ALGORITHM = "HmacSHA256";
    /** 16 bytes of the hash: collisions are negligible for any number of callers a line will see. */
    private static final int KEPT_BYTES = 16;

    private final Mac mac;

    /** {@code key}: the pseudonymisation secret; at least 16 bytes. */
    public CallerPseudonyms(byte[] key) {
        Objects.requireNonNull(key, "key");
        if (key.length < 16) {
            throw new IllegalArgumentException("pseudonym-key: at least 16 bytes");
        }
        try {
            mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(key, ALGORITHM));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK has no " + ALGORITHM, e);
        }
    }

    /** The pseudonym of {@code rawNumber}; a blank (withheld) number is pseudonymised by {@code callKey}. */
    public CallerRef of(String rawNumber, String callKey) {
        String digits = rawNumber == null ? "" : rawNumber.replaceAll("[^0-9+]", "");
        if (digits.isEmpty()) {
            return new CallerRef("withheld-" + hash("call:" + callKey));
        }
        return new CallerRef("c-" + hash("tel:" + digits));
    }

    private String hash(String text) {
        byte[] full = mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(full, 0, KEPT_BYTES);
    }
}
