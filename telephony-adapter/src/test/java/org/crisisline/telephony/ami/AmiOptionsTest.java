package org.crisisline.telephony.ami;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.json.JsonObject;
import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class AmiOptionsTest {
    private static JsonObject minimal() {
        return new JsonObject().put("pbx", "north").put("host", "pbx1.example").put("username", "crisisline")
                .put("secret", "s3cret");
    }

    @Test
    @DisplayName("the defaults fill every key that is not given")
    void defaultsFillTheRest() {
        AmiOptions options = AmiOptions.fromJson(minimal());

        assertThat(options.port()).isEqualTo(5038);
        assertThat(options.lines()).containsEntry("crisisline-inbound", "crisis");
        assertThat(options.heartbeatInterval()).isEqualTo(Duration.ofSeconds(5));
        assertThat(options.operativeChannel().matcher("PJSIP/op1-00000004").matches()).isTrue();
    }

    @Test
    @DisplayName("a bad value fails with a message that names its key")
    void badValuesNameTheirKey() {
        assertThatThrownBy(() -> AmiOptions.fromJson(minimal().put("port", 0)))
                .hasMessageStartingWith("port:");
        assertThatThrownBy(() -> AmiOptions.fromJson(minimal().put("port", "five")))
                .hasMessageStartingWith("port:");
        assertThatThrownBy(() -> AmiOptions.fromJson(minimal().putNull("secret")))
                .hasMessageStartingWith("secret:");
        assertThatThrownBy(() -> AmiOptions.fromJson(minimal().put("ping-timeout-ms", -1)))
                .hasMessageStartingWith("ping-timeout-ms:");
        assertThatThrownBy(() -> AmiOptions.fromJson(minimal().put("operative-channel-pattern", "(")))
                .hasMessageStartingWith("operative-channel-pattern:");
        assertThatThrownBy(() -> AmiOptions.fromJson(minimal().put("reconnect-max-ms", 10)))
                .hasMessageStartingWith("reconnect-max-ms:");
        assertThatThrownBy(() -> AmiOptions.fromJson(minimal().put("originate-timeout-ms", 20_000)))
                .hasMessageStartingWith("originate-timeout-ms:");
        assertThatThrownBy(() -> AmiOptions.fromJson(minimal().put("lines", new JsonObject())))
                .hasMessageStartingWith("lines:");
    }

    @Test
    @DisplayName("the secret never shows in toString")
    void secretIsHidden() {
        assertThat(AmiOptions.fromJson(minimal()).toString()).doesNotContain("s3cret");
    }

    @Test
    @DisplayName("reconnect delays double from the initial one up to the cap")
    void backoffDoublesUpToTheCap() {
        Backoff backoff = new Backoff(Duration.ofMillis(500), Duration.ofSeconds(30));

        assertThat(backoff.delay(0)).isEqualTo(Duration.ofMillis(500));
        assertThat(backoff.delay(1)).isEqualTo(Duration.ofSeconds(1));
        assertThat(backoff.delay(3)).isEqualTo(Duration.ofSeconds(4));
        assertThat(backoff.delay(50)).isEqualTo(Duration.ofSeconds(30));
    }
}
