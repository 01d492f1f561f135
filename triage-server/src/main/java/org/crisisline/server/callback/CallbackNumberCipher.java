package org.crisisline.server.callback;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.crisisline.queue.model.CallId;

/**
 * Encrypts callback numbers for keeping outside the process: AES-256-GCM with a random 96-bit nonce,
 * the call's id as associated data (a value copied to another call's key does not decrypt). The key
 * is derived from the pseudonym key ({@code audit.pseudonym-key}) by HKDF-Expand (RFC 5869) with its
 * own label, so one secret serves both uses and neither key reveals the other.
 *
 * <p>Immutable and thread-safe. Failures never include the number.
 */
public final class CallbackNumberCipher {
    private static final byte[] LABEL = "crisisline callback-number aes-256-gcm v1".getBytes(StandardCharsets.UTF_8);
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKeySpec key;

    private CallbackNumberCipher(byte[] key) {
        this.key = new SecretKeySpec(key, "AES");
    }

    /** The cipher whose key is derived from the pseudonym key's bytes. */
    public static CallbackNumberCipher derivedFrom(byte[] pseudonymKey) {
        Objects.requireNonNull(pseudonymKey, "pseudonymKey");
        try {
            // HKDF-Expand(PRK = the pseudonym key, info = LABEL, L = 32): one HMAC-SHA256 block.
            Mac hmac = Mac.getInstance("HmacSHA256");
            hmac.init(new SecretKeySpec(pseudonymKey, "HmacSHA256"));
            hmac.update(LABEL);
            hmac.update((byte) 1);
            return new CallbackNumberCipher(hmac.doFinal());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is unavailable", e);
        }
    }

    /** The same, from the pseudonym key as configured (Base64, standard or URL-safe). */
    public static CallbackNumberCipher derivedFromBase64(String pseudonymKey) {
        return derivedFrom(Base64.getDecoder().decode(pseudonymKey.strip().replace('-', '+').replace('_', '/')));
    }

    /** Base64 of nonce, ciphertext and tag. */
    public String encrypt(CallId call, String number) {
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        try {
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, call, nonce);
            byte[] sealed = cipher.doFinal(number.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(ByteBuffer.allocate(NONCE_BYTES + sealed.length).put(nonce)
                    .put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot encrypt the callback number of call " + call.value(), e);
        }
    }

    /** The number; fails if the value was not sealed for {@code call} with this key. */
    public String decrypt(CallId call, String sealed) {
        try {
            byte[] bytes = Base64.getDecoder().decode(sealed);
            if (bytes.length <= NONCE_BYTES) {
                throw new GeneralSecurityException("too short");
            }
            Cipher cipher = cipher(Cipher.DECRYPT_MODE, call, Arrays.copyOf(bytes, NONCE_BYTES));
            return new String(cipher.doFinal(bytes, NONCE_BYTES, bytes.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("the kept callback number of call " + call.value()
                    + " does not decrypt with this key (another deployment's pseudonym key?)");
        }
    }

    private Cipher cipher(int mode, CallId call, byte[] nonce) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
        cipher.updateAAD(call.value().getBytes(StandardCharsets.UTF_8));
        return cipher;
    }
}
