package org.crisisline.server.auth.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
class AuthorizeTest {
    private AuthServer server;
    private Browser browser;

    @BeforeEach
    void start(Vertx vertx) throws Exception {
        server = AuthServer.start(vertx);
        browser = new Browser(vertx, server.port);
    }

    @ParameterizedTest(name = "{0} on {1} gets {2}")
    @CsvSource({
            "anonymous, /api/sample/operative,     401",
            "anonymous, /api/sample/lead,          401",
            "anonymous, /api/sample/admin,         401",
            "anonymous, /api/sample/lead-or-admin, 401",
            "anonymous, /api/me,                   401",
            "op1,       /api/sample/operative,     200",
            "op1,       /api/sample/lead,          403",
            "op1,       /api/sample/admin,         403",
            "op1,       /api/sample/lead-or-admin, 403",
            "op1,       /api/me,                   200",
            "lead,      /api/sample/operative,     403",
            "lead,      /api/sample/lead,          200",
            "lead,      /api/sample/admin,         403",
            "lead,      /api/sample/lead-or-admin, 200",
            "lead,      /api/me,                   200",
            "admin,     /api/sample/operative,     403",
            "admin,     /api/sample/lead,          403",
            "admin,     /api/sample/admin,         200",
            "admin,     /api/sample/lead-or-admin, 200",
            "admin,     /api/me,                   200",
            "duty,      /api/sample/operative,     200",
            "duty,      /api/sample/lead,          200",
            "duty,      /api/sample/admin,         403",
            "duty,      /api/sample/lead-or-admin, 200",
            "duty,      /api/me,                   200"})
    @DisplayName("Each role reaches exactly the routes that admit it: 401 when not signed in, 403 for a wrong role")
    void roleMatrix(String user, String path, int expected) throws Exception {
        if (!user.equals("anonymous")) {
            assertThat(browser.login(user, AuthServer.PASSWORDS.get(user)).statusCode()).isEqualTo(200);
        }

        HttpResponse<Buffer> response = browser.get(path);

        assertThat(response.statusCode()).isEqualTo(expected);
        if (expected == 401) {
            assertThat(response.bodyAsJsonObject().getString("error")).isEqualTo("not-signed-in");
        } else if (expected == 403) {
            assertThat(response.bodyAsJsonObject().getMap())
                    .containsEntry("error", "forbidden")
                    .containsEntry("message", "Your role does not allow this.");
        }
    }
}
