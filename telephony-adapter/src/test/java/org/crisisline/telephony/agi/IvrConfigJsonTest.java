package org.crisisline.telephony.agi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("IVR options from JSON")
class IvrConfigJsonTest {

    @Test
    @DisplayName("an empty object gives the defaults")
    void defaults() {
        assertThat(IvrServerOptions.fromJson(new JsonObject())).isEqualTo(IvrServerOptions.defaults());
    }

    @Test
    @DisplayName("every key is read, prompt names can be replaced one by one")
    void everyKey() {
        JsonObject json = new JsonObject("""
                { "host": "0.0.0.0", "port": 0, "pool-size": 2, "maximum-pool-size": 4,
                  "socket-read-timeout-ms": 30000, "max-line-length": 4096,
                  "ivr": { "languages": [ { "code": "cy", "key": "1", "prompts": { "welcome": "custom/croeso" } } ],
                           "language-menu": "custom/menu", "line-tiers": { "crisis": 2, "police": 1 },
                           "unknown-line-tier": 3, "key-timeout-ms": 4000, "number-timeout-ms": 15000,
                           "queue-timeout-ms": 1500, "attempts": 3, "min-number-digits": 11,
                           "max-number-digits": 11, "max-slots": 5, "zone": "Europe/London" } }
                """);

        IvrServerOptions options = IvrServerOptions.fromJson(json);

        assertThat(options.host()).isEqualTo("0.0.0.0");
        assertThat(options.maximumPoolSize()).isEqualTo(4);
        assertThat(options.socketReadTimeout()).isEqualTo(Duration.ofSeconds(30));
        IvrOptions ivr = options.ivr();
        assertThat(ivr.languages()).singleElement().satisfies(language -> {
            assertThat(language.code()).isEqualTo("cy");
            assertThat(language.prompts().welcome()).isEqualTo("custom/croeso");
            assertThat(language.prompts().dangerQuestion()).isEqualTo("crisisline/cy/danger-question");
        });
        assertThat(ivr.lineTiers()).isEqualTo(Map.of("crisis", IvrTier.CRISIS, "police", IvrTier.IMMEDIATE_RISK));
        assertThat(ivr.unknownLineTier()).isEqualTo(IvrTier.SUPPORT);
        assertThat(ivr.queueTimeout()).isEqualTo(Duration.ofMillis(1500));
        assertThat(ivr.attempts()).isEqualTo(3);
        assertThat(ivr.maxSlots()).isEqualTo(5);
    }

    @Test
    @DisplayName("a bad value or an unknown key fails with its name")
    void badValues() {
        assertThatThrownBy(() -> IvrServerOptions.fromJson(new JsonObject().put("prot", 1)))
                .hasMessageStartingWith("prot: unknown key");
        assertThatThrownBy(() -> IvrServerOptions.fromJson(new JsonObject().put("port", "x")))
                .hasMessageStartingWith("port:");
        assertThatThrownBy(() -> IvrServerOptions.fromJson(new JsonObject("{\"ivr\": {\"key-timeout-ms\": 0}}")))
                .hasMessageStartingWith("ivr.key-timeout-ms:");
        assertThatThrownBy(() -> IvrServerOptions.fromJson(new JsonObject("{\"ivr\": {\"line-tiers\": {\"crisis\": 4}}}")))
                .hasMessageStartingWith("ivr.line-tiers.crisis:");
        assertThatThrownBy(() -> IvrServerOptions.fromJson(new JsonObject(
                "{\"ivr\": {\"languages\": [{\"code\": \"en\", \"key\": \"1\", \"prompts\": {\"welcom\": \"x\"}}]}}")))
                .hasMessageStartingWith("ivr.languages[0].prompts.welcom: unknown key");
        assertThatThrownBy(() -> IvrServerOptions.fromJson(new JsonObject("{\"ivr\": {\"zone\": \"Mars/Base\"}}")))
                .hasMessageStartingWith("ivr.zone:");
        assertThatThrownBy(() -> IvrServerOptions.fromJson(new JsonObject().put("pool-size", 0)))
                .hasMessageStartingWith("pool-size/maximum-pool-size:");
    }
}
