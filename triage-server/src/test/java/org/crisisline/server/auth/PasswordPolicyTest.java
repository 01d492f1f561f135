package org.crisisline.server.auth;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PasswordPolicyTest {
    private final PasswordPolicy policy = new PasswordPolicy();

    @Test
    @DisplayName("A long phrase of unrelated words is accepted")
    void longPhraseAccepted() {
        assertThat(policy.check("op1", "kettle orbit mustard")).isEqualTo(Verdict.ALLOWED);
    }

    @Test
    @DisplayName("Eleven characters are too few; twelve are enough")
    void minimumLength() {
        assertThat(policy.check("op1", "kettle orbi")).isEqualTo(Verdict.refused("A password has at least 12 characters."));
        assertThat(policy.check("op1", "kettle orbit").isAllowed()).isTrue();
    }

    @Test
    @DisplayName("A password containing the username, in any case, is refused")
    void notTheUsername() {
        assertThat(policy.check("lead", "LEAD-kettle-orbit")).isEqualTo(Verdict.refused("A password must not contain the username."));
    }

    @ParameterizedTest
    @ValueSource(strings = {"password1234", "Password1234", "qwerty123456", "aaaaaaaaaaaaaaa", "correcthorsebatterystaple"})
    @DisplayName("Common passwords are refused")
    void commonRefused(String common) {
        assertThat(policy.check("op1", common).isAllowed()).isFalse();
    }

    @Test
    @DisplayName("A password longer than 128 characters is refused (it bounds the hashing work)")
    void maximumLength() {
        assertThat(policy.check("op1", "k".repeat(64) + "o".repeat(65)).isAllowed()).isFalse();
    }
}
