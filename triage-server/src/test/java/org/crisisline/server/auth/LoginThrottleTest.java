package org.crisisline.server.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.crisisline.queue.testing.MutableClock;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {
    private static final String HOME = "10.0.0.1";
    private final MutableClock clock = MutableClock.at("2026-11-29T20:00:00Z");
    private final LoginThrottle throttle = new LoginThrottle(ThrottleSettings.defaults(), clock);

    @Test
    @DisplayName("Four failed sign-ins leave the username open; the fifth locks it for a minute")
    void fifthFailureLocks() {
        failTimes("op1", HOME, 4);
        assertThat(throttle.check("op1", HOME)).isEqualTo(ThrottleDecision.OPEN);

        assertThat(failOnce("op1", HOME)).isEqualTo(new ThrottleDecision.Locked(Duration.ofMinutes(1)));
        assertThat(throttle.check("op1", "10.9.9.9")).isEqualTo(new ThrottleDecision.Locked(Duration.ofMinutes(1)));
    }

    @Test
    @DisplayName("The lockout doubles with each further failure, up to the window")
    void lockoutGrows() {
        failTimes("op1", HOME, 5);
        clock.advance(Duration.ofMinutes(1));
        assertThat(throttle.check("op1", HOME)).isEqualTo(ThrottleDecision.OPEN);

        assertThat(failOnce("op1", HOME)).isEqualTo(new ThrottleDecision.Locked(Duration.ofMinutes(2)));
        clock.advance(Duration.ofMinutes(2));
        assertThat(failOnce("op1", HOME)).isEqualTo(new ThrottleDecision.Locked(Duration.ofMinutes(4)));
        clock.advance(Duration.ofMinutes(4));
        assertThat(failOnce("op1", HOME)).isEqualTo(new ThrottleDecision.Locked(Duration.ofMinutes(8)));
        clock.advance(Duration.ofMinutes(8));
        assertThat(failOnce("op1", HOME)).isEqualTo(new ThrottleDecision.Locked(Duration.ofMinutes(15)));
    }

    @Test
    @DisplayName("A window after the last failure, the counter is forgotten")
    void forgottenAfterWindow() {
        failTimes("op1", HOME, 5);
        clock.advance(Duration.ofMinutes(15));

        assertThat(throttle.check("op1", HOME)).isEqualTo(ThrottleDecision.OPEN);
        failTimes("op1", HOME, 4);
        assertThat(throttle.check("op1", HOME)).isEqualTo(ThrottleDecision.OPEN);
    }

    @Test
    @DisplayName("A successful sign-in forgets the username's failures")
    void successResets() {
        failTimes("op1", HOME, 4);
        throttle.begin("op1", HOME);
        throttle.recordSuccess("op1", HOME);
        failTimes("op1", HOME, 4);

        assertThat(throttle.check("op1", HOME)).isEqualTo(ThrottleDecision.OPEN);
    }

    @Test
    @DisplayName("Usernames are counted case-insensitively and whether or not an account exists")
    void usernamesCountedRegardless() {
        failTimes("Nobody", HOME, 3);
        failTimes("nobody", HOME, 2);

        assertThat(throttle.check("NOBODY", HOME).isLocked()).isTrue();
    }

    @Test
    @DisplayName("Twenty failures from one address lock it for every username")
    void addressLimit() {
        for (int i = 0; i < 20; i++) {
            failOnce("user" + i, HOME);
        }

        assertThat(throttle.check("someone-else", HOME).isLocked()).isTrue();
        assertThat(throttle.check("someone-else", "10.0.0.2")).isEqualTo(ThrottleDecision.OPEN);
    }

    @Test
    @DisplayName("Memory stays bounded: beyond max-tracked the least recently failing keys are forgotten")
    void boundedMemory() {
        LoginThrottle small = new LoginThrottle(
                new ThrottleSettings(5, 20, Duration.ofMinutes(15), Duration.ofMinutes(1), 100), clock);
        for (int i = 0; i < 10_000; i++) {
            small.recordFailure("user" + i, "10.0." + (i / 250) + "." + (i % 250));
        }

        assertThat(small.tracked()).isLessThanOrEqualTo(200);
    }

    @Test
    @DisplayName("Five attempts still being checked hold off a sixth, so a burst cannot outrun the count")
    void concurrentAttemptsCount() {
        for (int i = 0; i < 5; i++) {
            assertThat(throttle.begin("op1", HOME)).isEqualTo(ThrottleDecision.OPEN);
        }

        assertThat(throttle.begin("op1", HOME)).isEqualTo(new ThrottleDecision.Locked(LoginThrottle.BUSY));
        throttle.abandon("op1", HOME);
        assertThat(throttle.begin("op1", HOME)).isEqualTo(ThrottleDecision.OPEN);
    }

    @Test
    @DisplayName("After a lockout has passed, attempts go one at a time")
    void oneAtATimeAfterLockout() {
        failTimes("op1", HOME, 5);
        clock.advance(Duration.ofMinutes(1));

        assertThat(throttle.begin("op1", HOME)).isEqualTo(ThrottleDecision.OPEN);
        assertThat(throttle.begin("op1", HOME).isLocked()).isTrue();
    }

    @Test
    @DisplayName("Ended attempts leave nothing behind: a success or an abandoned attempt is forgotten")
    void nothingLeftBehind() {
        throttle.begin("op1", HOME);
        throttle.recordSuccess("op1", HOME);
        throttle.begin("op2", HOME);
        throttle.abandon("op2", HOME);

        assertThat(throttle.tracked()).isZero();
    }

    @Test
    @DisplayName("Bad settings fail naming their key")
    void badSettings() {
        assertThatThrownBy(() -> new ThrottleSettings(0, 20, Duration.ofMinutes(15), Duration.ofMinutes(1), 10))
                .hasMessageContaining("auth.login.max-failures-per-user");
        assertThatThrownBy(() -> new ThrottleSettings(5, 20, Duration.ofMinutes(15), Duration.ofMinutes(16), 10))
                .hasMessageContaining("auth.login.first-lockout");
    }

    private void failTimes(String username, String address, int times) {
        for (int i = 0; i < times; i++) {
            failOnce(username, address);
        }
    }

    private ThrottleDecision failOnce(String username, String address) {
        assertThat(throttle.begin(username, address)).isEqualTo(ThrottleDecision.OPEN);
        return throttle.recordFailure(username, address);
    }
}
