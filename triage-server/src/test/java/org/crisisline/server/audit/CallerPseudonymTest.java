package org.crisisline.server.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CallerPseudonymTest {
    private static final byte[] KEY = "a test key of thirty-two bytes!!".getBytes();
    private final CallerPseudonym pseudonym = CallerPseudonym.withKey(KEY);

    @ParameterizedTest
    @ValueSource(strings = {"07700 900123", "+44 7700 900123", "447700900123", "+44 (0)7700 900-123", "0044 7700 900123"})
    @DisplayName("A UK number written any usual way becomes the same E.164 number and the same token")
    void formatsAgree(String written) {
        assertThat(PhoneNumber.parse(written)).contains(new PhoneNumber("+447700900123"));
        assertThat(pseudonym.of(written)).isEqualTo(pseudonym.of("+447700900123"));
    }

    @Test
    @DisplayName("A token is c_ and 16 lower-case Base32 characters, stable across instances with the same key")
    void stableShape() {
        String token = pseudonym.of("07700 900123").orElseThrow();

        assertThat(token).matches("c_[a-z2-7]{16}");
        assertThat(CallerPseudonym.withKey(KEY.clone()).of("07700 900123")).contains(token);
        assertThat(CallerPseudonym.fromBase64(Base64.getEncoder().encodeToString(KEY)).of("07700 900123")).contains(token);
    }

    @Test
    @DisplayName("Different keys give different tokens; different numbers give different tokens")
    void keyed() {
        byte[] otherKey = KEY.clone();
        otherKey[0] ^= 1;

        assertThat(CallerPseudonym.withKey(otherKey).of("07700 900123")).isNotEqualTo(pseudonym.of("07700 900123"));
        assertThat(pseudonym.of("07700 900124")).isNotEqualTo(pseudonym.of("07700 900123"));
    }

    @Test
    @DisplayName("The token is the HMAC-SHA-256 of the E.164 number, not a plain hash")
    void isHmac() throws Exception {
        javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
        mac.init(new javax.crypto.spec.SecretKeySpec(KEY, "HmacSHA256"));
        byte[] expected = Arrays.copyOf(mac.doFinal("+447700900123".getBytes()), 10);

        String token = pseudonym.of("+447700900123").orElseThrow();

        assertThat(decodeBase32(token.substring(2))).isEqualTo(expected);
    }

    @Test
    @DisplayName("A key shorter than 32 bytes is refused naming the setting, without showing the key")
    void shortKey() {
        assertThatThrownBy(() -> CallerPseudonym.withKey(new byte[31]))
                .isInstanceOf(AuditConfigException.class)
                .hasMessage("audit setting 'audit.pseudonym-key' must be at least 32 bytes, was 31");
        String shortKey = Base64.getEncoder().encodeToString("sixteen byte key".getBytes());
        assertThatThrownBy(() -> CallerPseudonym.fromBase64(shortKey)).message().doesNotContain(shortKey);
        assertThatThrownBy(() -> CallerPseudonym.fromBase64("not base64!")).hasMessageContaining("audit.pseudonym-key");
        assertThat(pseudonym.toString()).doesNotContain(new String(KEY));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "anonymous", "12345", "7700900123x", "+0 7700 900123"})
    @DisplayName("Things that are not phone numbers give no token")
    void notNumbers(String written) {
        assertThat(pseudonym.of(written)).isEmpty();
    }

    @Test
    @DisplayName("A phone number never prints itself")
    void numberRedacted() {
        assertThat(PhoneNumber.parse("07700 900123").map(Object::toString)).isEqualTo(Optional.of("PhoneNumber[redacted]"));
    }

    private static byte[] decodeBase32(String text) {
        String alphabet = "abcdefghijklmnopqrstuvwxyz234567";
        byte[] out = new byte[text.length() * 5 / 8];
        long buffer = 0;
        int bits = 0;
        int index = 0;
        for (char c : text.toCharArray()) {
            buffer = (buffer << 5) | alphabet.indexOf(c);
            bits += 5;
            if (bits >= 8) {
                out[index++] = (byte) (buffer >>> (bits - 8));
                bits -= 8;
            }
        }
        return out;
    }
}
