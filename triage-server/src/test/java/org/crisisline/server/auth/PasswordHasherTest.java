package org.crisisline.server.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import org.crisisline.server.auth.testing.Tiny;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class PasswordHasherTest {
    private final PasswordHasher hasher = Tiny.hasher();

    @Test
    @DisplayName("A hash is an Argon2id PHC string naming its settings, salt and hash")
    void hashIsPhcString() {
        String phc = hasher.hash("correct horse battery");

        assertThat(phc).matches("\\$argon2id\\$v=19\\$m=64,t=1,p=1\\$[A-Za-z0-9+/]{22}\\$[A-Za-z0-9+/]{43}");
    }

    @Test
    @DisplayName("The right password verifies and any other does not")
    void roundTrip() {
        String phc = hasher.hash("correct horse battery");

        assertThat(hasher.verify("correct horse battery", phc)).isTrue();
        assertThat(hasher.verify("correct horse batterY", phc)).isFalse();
        assertThat(hasher.verify("", phc)).isFalse();
    }

    @Test
    @DisplayName("The same password hashed twice gives different strings (a fresh salt each time)")
    void saltedEachTime() {
        assertThat(hasher.hash("correct horse battery")).isNotEqualTo(hasher.hash("correct horse battery"));
    }

    @Test
    @DisplayName("A hash made with the default settings verifies with the settings stored in it")
    void verifiesWithStoredSettings() {
        String strong = new PasswordHasher(new Argon2Settings(256, 2, 2), new SecureRandom()).hash("pass phrase one");

        assertThat(hasher.verify("pass phrase one", strong)).isTrue();
    }

    @Test
    @DisplayName("A hash made with other settings needs a rehash; one made with the current settings does not")
    void rehashDetection() {
        String old = new PasswordHasher(new Argon2Settings(32, 1, 1), new SecureRandom()).hash("pass phrase one");

        assertThat(hasher.needsRehash(old)).isTrue();
        assertThat(hasher.needsRehash(hasher.hash("pass phrase one"))).isFalse();
    }

    @Test
    @DisplayName("A malformed or foreign hash never verifies and needs a rehash")
    void malformedHash() {
        for (String bad : new String[] {null, "", "plain", "$2a$10$abcdefghijklmnopqrstuv",
                "$argon2i$v=19$m=64,t=1,p=1$c2FsdHNhbHRzYWx0c2FsdA$aGFzaGhhc2hoYXNoaGFzaGhhc2hoYXNoaGFzaGhhc2g"}) {
            assertThat(hasher.verify("anything at all", bad)).as(String.valueOf(bad)).isFalse();
            assertThat(hasher.needsRehash(bad)).as(String.valueOf(bad)).isTrue();
        }
    }

    @Test
    @DisplayName("Bad Argon2 settings fail naming their key")
    void badSettings() {
        assertThatThrownBy(() -> new Argon2Settings(4, 1, 1))
                .isInstanceOf(AuthConfigException.class).hasMessageContaining("auth.argon2.memory-kib");
        assertThatThrownBy(() -> new Argon2Settings(64, 0, 1))
                .isInstanceOf(AuthConfigException.class).hasMessageContaining("auth.argon2.iterations");
        assertThatThrownBy(() -> new Argon2Settings(64, 1, 0))
                .isInstanceOf(AuthConfigException.class).hasMessageContaining("auth.argon2.parallelism");
        assertThat(Argon2Settings.defaults()).isEqualTo(new Argon2Settings(19_456, 2, 1));
    }
}
