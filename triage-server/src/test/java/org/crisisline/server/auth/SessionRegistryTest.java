package org.crisisline.server.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import org.crisisline.queue.testing.MutableClock;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class SessionRegistryTest {
    private static final Account OP1 = new Account("op1", "Operative One", Set.of(Role.OPERATIVE), Optional.empty(),
            "$argon2id$unused", false);
    private final MutableClock clock = MutableClock.at("2026-11-29T08:00:00Z");
    private final SessionRegistry registry = new SessionRegistry(SessionSettings.defaults(), clock, new SecureRandom());

    @Test
    @DisplayName("A session untouched for 30 minutes has ended; one touched within them has not")
    void idleTimeout() {
        Session session = registry.start(OP1);
        clock.advance(Duration.ofMinutes(29));
        assertThat(registry.resume(session.id())).isPresent();
        clock.advance(Duration.ofMinutes(29));
        assertThat(registry.resume(session.id())).isPresent();

        clock.advance(Duration.ofMinutes(30));
        assertThat(registry.resume(session.id())).isEmpty();
        assertThat(registry.size()).isZero();
    }

    @Test
    @DisplayName("A session ends 12 hours after sign-in however busy it has been")
    void absoluteLifetime() {
        Session session = registry.start(OP1);
        for (int i = 0; i < 28; i++) {
            clock.advance(Duration.ofMinutes(25));
            assertThat(registry.resume(session.id())).as("after %d min", (i + 1) * 25).isPresent();
        }
        clock.advance(Duration.ofMinutes(20));

        assertThat(registry.resume(session.id())).isEmpty();
    }

    @Test
    @DisplayName("Every session gets its own random id and CSRF token")
    void freshIds() {
        Session a = registry.start(OP1);
        Session b = registry.start(OP1);

        assertThat(a.id()).isNotEqualTo(b.id()).hasSize(43);
        assertThat(a.csrfToken()).isNotEqualTo(b.csrfToken()).isNotEqualTo(a.id());
        assertThat(a.toString()).doesNotContain(a.id()).doesNotContain(a.csrfToken());
    }

    @Test
    @DisplayName("An ended session cannot be resumed, nor can an unknown id")
    void endAndUnknown() {
        Session session = registry.start(OP1);
        registry.end(session.id());

        assertThat(registry.resume(session.id())).isEmpty();
        assertThat(registry.resume("made-up")).isEmpty();
        assertThat(registry.resume(null)).isEmpty();
    }

    @Test
    @DisplayName("A sweep removes expired sessions; ending all of a user's sessions leaves others'")
    void sweepAndEndAll() {
        registry.start(OP1);
        clock.advance(Duration.ofMinutes(31));
        Session fresh = registry.start(OP1);
        Session lead = registry.start(new Account("lead", "Lead", Set.of(Role.CLINICAL_LEAD), Optional.empty(), "x", false));

        assertThat(registry.sweep()).isEqualTo(1);
        assertThat(registry.endAllOf("op1")).isEqualTo(1);
        assertThat(registry.resume(fresh.id())).isEmpty();
        assertThat(registry.resume(lead.id())).isPresent();
    }

    @Test
    @DisplayName("Beyond max-sessions the least recently used session is ended")
    void bounded() {
        SessionRegistry small = new SessionRegistry(
                new SessionSettings(Duration.ofMinutes(30), Duration.ofHours(12), "s", true, 2), clock, new SecureRandom());
        Session first = small.start(OP1);
        Session second = small.start(OP1);
        small.resume(first.id());
        small.start(OP1);

        assertThat(small.resume(second.id())).isEmpty();
        assertThat(small.resume(first.id())).isPresent();
    }

    @Test
    @DisplayName("An absolute lifetime shorter than the idle timeout fails naming its key")
    void badSettings() {
        assertThatThrownBy(() -> new SessionSettings(Duration.ofMinutes(30), Duration.ofMinutes(10), "s", true, 10))
                .isInstanceOf(AuthConfigException.class)
                .hasMessageContaining("auth.session.absolute-lifetime");
    }
}
