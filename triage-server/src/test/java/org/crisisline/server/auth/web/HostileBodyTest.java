package org.crisisline.server.auth.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

@ExtendWith(VertxExtension.class)
class HostileBodyTest {
    private AuthServer server;
    private Browser browser;

    @BeforeEach
    void start(Vertx vertx) throws Exception {
        server = AuthServer.start(vertx);
        browser = new Browser(vertx, server.port);
    }

    static Stream<Arguments> hostileBodies() {
        String password = AuthServer.PASSWORDS.get("op1");
        return Stream.of(
                Arguments.of("malformed JSON", "application/json", "{\"username\":\"op1\",", 400, "malformed-json"),
                Arguments.of("an empty body", "application/json", null, 400, "malformed-json"),
                Arguments.of("a JSON array", "application/json", "[\"op1\"]", 400, "malformed-json"),
                Arguments.of("a number for the username", "application/json",
                        "{\"username\":1,\"password\":\"" + password + "\"}", 400, "wrong-type"),
                Arguments.of("an object for the password", "application/json",
                        "{\"username\":\"op1\",\"password\":{\"$ne\":null}}", 400, "wrong-type"),
                Arguments.of("no password", "application/json", "{\"username\":\"op1\"}", 400, "missing-field"),
                Arguments.of("a null username", "application/json",
                        "{\"username\":null,\"password\":\"" + password + "\"}", 400, "missing-field"),
                Arguments.of("an extra field", "application/json",
                        "{\"username\":\"op1\",\"password\":\"" + password + "\",\"roles\":[\"ADMIN\"]}", 400,
                        "unknown-field"),
                Arguments.of("a 70-character username", "application/json",
                        "{\"username\":\"" + "u".repeat(70) + "\",\"password\":\"x\"}", 400, "too-long"),
                Arguments.of("a form instead of JSON", "application/x-www-form-urlencoded",
                        "username=op1&password=" + password, 415, "unsupported-media-type"),
                Arguments.of("a JSON look-alike media type", "application/json-seq",
                        "{\"username\":\"op1\",\"password\":\"" + password + "\"}", 415, "unsupported-media-type"),
                Arguments.of("a body over the 4 KiB limit", "application/json",
                        "{\"username\":\"op1\",\"password\":\"" + "p".repeat(5000) + "\"}", 413, "body-too-large"));
    }

    @ParameterizedTest(name = "{0} → {3} {4}")
    @MethodSource("hostileBodies")
    @DisplayName("A hostile sign-in body gets a 4xx with a JSON error, and nothing is changed, counted or audited")
    void hostile(String what, String contentType, String body, int status, String code) throws Exception {
        HttpResponse<Buffer> response = browser.send(HttpMethod.POST, "/api/login", contentType, body);

        assertThat(response.statusCode()).isEqualTo(status);
        JsonObject error = response.bodyAsJsonObject();
        assertThat(error.fieldNames()).containsExactlyInAnyOrder("error", "message");
        assertThat(error.getString("error")).isEqualTo(code);
        assertThat(error.getString("message")).isNotBlank().doesNotContain("Exception");
        assertThat(server.sessions.size()).isZero();
        assertThat(server.audit.lines()).isEmpty();
        assertThat(server.throttle.tracked()).isZero();
        assertThat(response.cookies()).isEmpty();
    }
}
