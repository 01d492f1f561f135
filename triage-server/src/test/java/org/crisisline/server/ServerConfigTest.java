package org.crisisline.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import org.crisisline.server.pathway.config.PathwaySettingsReader;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("the server's one configuration file")
class ServerConfigTest {
    private static final String KEY = Base64.getEncoder().encodeToString(new byte[32]);

    @Test
    @DisplayName("the shipped defaults are the embedded demo: the in-memory store and the simulated PBX")
    void shippedDefaultsAreTheDemo() {
        ServerOptions options = ServerConfig.read(new JsonObject(), Map.of());

        assertThat(options.store().type()).isEqualTo(ServerOptions.StoreType.MEMORY);
        assertThat(options.pbx().simulated()).isTrue();
        assertThat(options.pbx().connections()).isEmpty();
        assertThat(options.pathway()).isEmpty();
        assertThat(options.security()).containsEntry("audit.file", "data/audit.jsonl");
        assertThat(options.pseudonymKey()).isEmpty();
    }

    @Test
    @DisplayName("a full example file sets every section: Redis, real AMI connections, security, pathways, audit")
    void fullExampleFile() throws Exception {
        ServerOptions options = ServerConfig.read(example(), Map.of("CRISISLINE_PSEUDONYM_KEY", KEY));

        assertThat(options.store()).isEqualTo(new ServerOptions.Store(ServerOptions.StoreType.REDIS,
                "redis://redis.internal:6379/0", "crisisline-north", "main", Duration.ofSeconds(2), 50_000,
                Duration.ofDays(2)));
        assertThat(options.pbx().simulated()).isFalse();
        assertThat(options.pbx().connections()).singleElement().satisfies(ami -> {
            assertThat(ami.pbx()).isEqualTo("asterisk-1");
            assertThat(ami.host()).isEqualTo("pbx1.internal");
            assertThat(ami.lines()).containsEntry("crisisline-young", "young-people");
        });
        assertThat(options.security()).containsEntry("auth.session.idle-timeout", "20m")
                .containsEntry("auth.login.max-failures-per-user", "3")
                .containsEntry("audit.file", "/var/lib/crisisline/audit.jsonl");
        assertThat(options.pathway()).containsOnly(Map.entry("pathway.cafe.soon-window", "1h"),
                Map.entry("pathway.outbox.flag-after-failures", "3"));
        assertThat(PathwaySettingsReader.read(options.pathway()).cafe().soonWindow()).isEqualTo(Duration.ofHours(1));
        assertThat(ServerConfig.read(new JsonObject().put("pathway", new JsonObject()
                .put("pathway.text.gateway", "logging")), Map.of()).pathway())
                .containsOnly(Map.entry("pathway.text.gateway", "logging"));
        assertThat(options.http()).isEqualTo(new ServerOptions.Http("0.0.0.0", 8443));
        assertThat(options.ivrPort()).isEqualTo(4573);
        assertThat(options.pseudonymKey()).contains(KEY);
    }

    @Test
    @DisplayName("the environment overrides the file's secrets and addresses")
    void environmentOverrides() throws Exception {
        ServerOptions options = ServerConfig.read(example(), Map.of("CRISISLINE_PSEUDONYM_KEY", KEY,
                "CRISISLINE_REDIS_URL", "redis://10.0.0.9:6380", "CRISISLINE_AMI_SECRET", "from-the-vault",
                "CRISISLINE_KEY_PREFIX", "north-2", "CRISISLINE_AUDIT_FILE", "/tmp/audit.jsonl",
                "CRISISLINE_TEXT_TOKEN", "sms-provider-token"));

        assertThat(options.store().redisUrl()).isEqualTo("redis://10.0.0.9:6380");
        assertThat(options.store().keyPrefix()).isEqualTo("north-2");
        assertThat(options.pbx().connections()).singleElement()
                .satisfies(ami -> assertThat(ami.secret()).isEqualTo("from-the-vault"));
        assertThat(options.security()).containsEntry("audit.file", "/tmp/audit.jsonl");
        assertThat(options.pathway()).containsEntry("pathway.text.token", "sms-provider-token")
                .containsEntry("pathway.cafe.soon-window", "1h");
        assertThat(ServerConfig.read(new JsonObject(), Map.of("CRISISLINE_STORE_TYPE", "redis",
                "CRISISLINE_PSEUDONYM_KEY", KEY)).store().type()).isEqualTo(ServerOptions.StoreType.REDIS);
    }

    @Test
    @DisplayName("an unknown key in any section stops start-up naming the key")
    void unknownKeysAreNamed() {
        assertThat(failure(new JsonObject().put("stores", new JsonObject()))).isEqualTo("stores: unknown key");
        assertThat(failure(section("store", "kind", "redis"))).isEqualTo("store.kind: unknown key");
        assertThat(failure(section("pbx", "simulate", false))).isEqualTo("pbx.simulate: unknown key");
        assertThat(failure(section("pbx", "connections", new JsonArray().add(ami().put("passwd", "x")))))
                .isEqualTo("pbx.connections[0].passwd: unknown key");
        assertThat(failure(section("pbx", "simulator", new JsonObject().put("ami-prot", 1))))
                .startsWith("simulated-pbx.ami-prot");
        assertThat(failure(section("security", "auth.session.idle", "1m"))).contains("'auth.session.idle'");
        assertThat(failure(section("pathway", "cafe.soon", "1h"))).contains("'pathway.cafe.soon'");
        assertThat(failure(section("audit", "files", "x"))).contains("'audit.files'");
        assertThat(failure(section("security", "audit.file", "x")))
                .isEqualTo("security.audit.file: set it in the audit section, as audit.file");
    }

    @Test
    @DisplayName("a bad value stops start-up naming the key")
    void badValuesAreNamed() {
        assertThat(failure(section("store", "type", "mongo"))).startsWith("store.type:");
        assertThat(failure(section("store", "timeout", "soon"))).startsWith("store.timeout:");
        assertThat(failure(section("pbx", "simulated", "maybe"))).startsWith("pbx.simulated:");
        assertThat(failure(section("pbx", "simulated", false))).startsWith("pbx.connections:");
        assertThat(failure(section("pbx", "connections", new JsonArray().add(ami().put("port", 0)))))
                .startsWith("pbx.connections[0].port");
        assertThat(failure(section("pathway", "cafe.soon-window", "soon"))).contains("'pathway.cafe.soon-window'");
        assertThat(failure(section("security", "auth.session.cookie-secure", "yes")))
                .contains("'auth.session.cookie-secure'");
        assertThat(failure(section("audit", "pseudonym-key", "short"))).contains("audit.pseudonym-key");
        assertThat(failure(section("store", "type", "redis"))).isEqualTo(
                "audit.pseudonym-key: required when store.type is redis");
        assertThat(failure(section("queue", "dispatch.tier-one-reserve", "many"))).contains("dispatch.tier-one-reserve");
        assertThatThrownBy(() -> ServerConfig.read(new JsonObject(), Map.of("CRISISLINE_LOG_FORMAT", "xml")))
                .hasMessage("CRISISLINE_LOG_FORMAT: json or text, was 'xml'");
        assertThat(ServerConfig.read(new JsonObject(), Map.of("CRISISLINE_LOG_FORMAT", "text"))).isNotNull();
    }

    @Test
    @DisplayName("routing.transfer-numbers: names to diallable numbers; the default lists the demo's one; a bad number is named")
    void transferNumbers() {
        assertThat(ServerConfig.read(new JsonObject(), Map.of()).routing().transferNumbers())
                .containsEntry("Out-of-hours crisis team (demo)", "+441130000300");
        JsonObject listed = new JsonObject().put("Samaritans", "116123");
        assertThat(ServerConfig.read(section("routing", "transfer-numbers", listed), Map.of()).routing()
                .isTransferNumber("116 123")).isTrue();
        assertThat(failure(section("routing", "transfer-numbers", new JsonObject().put("Typo", "0113 abc"))))
                .startsWith("transfer-numbers: 'Typo'");
        assertThat(failure(section("routing", "transfer-numbers", "116123"))).startsWith("transfer-numbers:");
    }

    private static String failure(JsonObject file) {
        Throwable thrown = catchThrowable(() -> ServerConfig.read(file, Map.of()));
        assertThat(thrown).isInstanceOf(IllegalArgumentException.class);
        return thrown.getMessage();
    }

    private static JsonObject section(String section, String key, Object value) {
        return new JsonObject().put(section, new JsonObject().put(key, value));
    }

    private static JsonObject ami() {
        return new JsonObject().put("pbx", "a").put("host", "h").put("username", "u").put("secret", "s");
    }

    private static JsonObject example() throws Exception {
        try (InputStream in = ServerConfigTest.class.getResourceAsStream("server-example.json")) {
            return new JsonObject(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }
}
