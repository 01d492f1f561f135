package org.crisisline.server.auth.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import java.time.Duration;
import java.util.List;
import org.crisisline.server.audit.AuditEntry;
import org.crisisline.server.audit.AuditRecord;
import org.crisisline.server.audit.Outcome;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
class LoginRoutesTest {
    private AuthServer server;
    private Browser browser;

    @BeforeEach
    void start(Vertx vertx) throws Exception {
        server = AuthServer.start(vertx);
        browser = new Browser(vertx, server.port);
    }

    @Test
    @DisplayName("Signing in with the right password answers who you are and sets the session and CSRF cookies")
    void signIn() throws Exception {
        HttpResponse<Buffer> response = browser.login("op1", AuthServer.PASSWORDS.get("op1"));

        assertThat(response.statusCode()).isEqualTo(200);
        JsonObject me = response.bodyAsJsonObject();
        assertThat(me.getString("username")).isEqualTo("op1");
        assertThat(me.getJsonArray("roles")).isEqualTo(new JsonArray().add("OPERATIVE"));
        assertThat(me.getString("csrfToken")).isEqualTo(browser.cookies.get("XSRF-TOKEN"));
        assertThat(response.cookies()).anySatisfy(c -> assertThat(c)
                .startsWith("crisisline-session=").contains("Path=/", "Secure", "SameSite=Strict")
                .containsIgnoringCase("HttpOnly"));
        assertThat(response.cookies()).anySatisfy(c -> assertThat(c)
                .startsWith("XSRF-TOKEN=").contains("Secure", "SameSite=Strict").doesNotContainIgnoringCase("HttpOnly"));
        assertThat(browser.get("/api/me").bodyAsJsonObject()).isEqualTo(me);
        assertThat(lastEntry()).extracting(AuditEntry::actor, AuditEntry::action, AuditEntry::outcome)
                .containsExactly("op1", "auth.login", Outcome.SUCCEEDED);
    }

    @Test
    @DisplayName("A wrong password, an unknown user and a disabled account get the same 401 and the same body")
    void sameRefusal() throws Exception {
        HttpResponse<Buffer> wrong = browser.login("op1", "not the password");
        HttpResponse<Buffer> unknown = browser.login("nobody", "not the password");
        HttpResponse<Buffer> disabled = browser.login("gone", AuthServer.PASSWORDS.get("gone"));

        for (HttpResponse<Buffer> response : List.of(wrong, unknown, disabled)) {
            assertThat(response.statusCode()).isEqualTo(401);
            assertThat(response.bodyAsJsonObject()).isEqualTo(new JsonObject()
                    .put("error", "login-failed").put("message", "The username or password is wrong."));
            assertThat(response.cookies()).isEmpty();
        }
        assertThat(server.sessions.size()).isZero();
        assertThat(entries()).extracting(AuditEntry::actor, AuditEntry::targetId, AuditEntry::outcome).containsExactly(
                tuple("anonymous", "op1", Outcome.FAILED),
                tuple("anonymous", "nobody", Outcome.FAILED),
                tuple("anonymous", "gone", Outcome.FAILED));
    }

    @Test
    @DisplayName("After five failures even the right password is refused with 429, until the window has passed")
    void lockout() throws Exception {
        for (int i = 0; i < 5; i++) {
            assertThat(browser.login("op1", "guess number " + i).statusCode()).isEqualTo(401);
        }

        HttpResponse<Buffer> locked = browser.login("op1", AuthServer.PASSWORDS.get("op1"));
        assertThat(locked.statusCode()).isEqualTo(429);
        assertThat(locked.getHeader("Retry-After")).isEqualTo("60");
        assertThat(locked.bodyAsJsonObject().getString("error")).isEqualTo("login-locked");
        assertThat(entries()).extracting(AuditEntry::action, AuditEntry::outcome)
                .contains(tuple("auth.lockout", Outcome.DENIED))
                .endsWith(tuple("auth.login", Outcome.DENIED));

        server.clock.advance(Duration.ofMinutes(15));
        assertThat(browser.login("op1", AuthServer.PASSWORDS.get("op1")).statusCode()).isEqualTo(200);
    }

    @Test
    @DisplayName("An unknown username locks out exactly like a real one")
    void unknownLocksToo() throws Exception {
        for (int i = 0; i < 5; i++) {
            browser.login("nobody", "guess number " + i);
        }

        assertThat(browser.login("nobody", "guess number 6").statusCode()).isEqualTo(429);
    }

    @Test
    @DisplayName("A session idle for 30 minutes has ended; activity keeps it alive")
    void idleExpiry() throws Exception {
        browser.login("op1", AuthServer.PASSWORDS.get("op1"));

        server.clock.advance(Duration.ofMinutes(29));
        assertThat(browser.get("/api/me").statusCode()).isEqualTo(200);
        server.clock.advance(Duration.ofMinutes(29));
        assertThat(browser.get("/api/me").statusCode()).isEqualTo(200);
        server.clock.advance(Duration.ofMinutes(30));

        HttpResponse<Buffer> expired = browser.get("/api/me");
        assertThat(expired.statusCode()).isEqualTo(401);
        assertThat(expired.bodyAsJsonObject().getString("error")).isEqualTo("not-signed-in");
    }

    @Test
    @DisplayName("A session ends 12 hours after sign-in however active it is")
    void absoluteExpiry() throws Exception {
        browser.login("op1", AuthServer.PASSWORDS.get("op1"));
        for (int i = 0; i < 28; i++) {
            server.clock.advance(Duration.ofMinutes(25));
            assertThat(browser.get("/api/me").statusCode()).isEqualTo(200);
        }

        server.clock.advance(Duration.ofMinutes(20));

        assertThat(browser.get("/api/me").statusCode()).isEqualTo(401);
    }

    @Test
    @DisplayName("Signing in never keeps a session id the client brought: a planted or previous id is replaced and ended")
    void rotation() throws Exception {
        browser.cookies.put("crisisline-session", "planted-by-an-attacker");
        browser.login("op1", AuthServer.PASSWORDS.get("op1"));
        String first = browser.cookies.get("crisisline-session");
        assertThat(first).isNotEqualTo("planted-by-an-attacker");

        browser.login("lead", AuthServer.PASSWORDS.get("lead"));
        String second = browser.cookies.get("crisisline-session");

        assertThat(second).isNotEqualTo(first);
        assertThat(browser.get("/api/me").bodyAsJsonObject().getString("username")).isEqualTo("lead");
        browser.cookies.put("crisisline-session", first);
        assertThat(browser.get("/api/me").statusCode()).isEqualTo(401);
        assertThat(server.sessions.size()).isEqualTo(1);
    }

    @Test
    @DisplayName("Signing out ends the session, clears the cookies and is audited")
    void signOut() throws Exception {
        browser.login("op1", AuthServer.PASSWORDS.get("op1"));
        String sessionId = browser.cookies.get("crisisline-session");

        HttpResponse<Buffer> out = browser.post("/api/logout");

        assertThat(out.statusCode()).isEqualTo(204);
        assertThat(browser.cookies).isEmpty();
        browser.cookies.put("crisisline-session", sessionId);
        assertThat(browser.get("/api/me").statusCode()).isEqualTo(401);
        assertThat(lastEntry()).extracting(AuditEntry::actor, AuditEntry::action, AuditEntry::outcome)
                .containsExactly("op1", "auth.logout", Outcome.SUCCEEDED);
    }

    @Test
    @DisplayName("A state-changing request without the CSRF header, or with a wrong one, is refused and changes nothing")
    void csrf() throws Exception {
        browser.login("op1", AuthServer.PASSWORDS.get("op1"));
        browser.echoCsrf = false;

        HttpResponse<Buffer> missing = browser.post("/api/sample/change");
        browser.cookies.put("XSRF-TOKEN", "forged");
        browser.echoCsrf = true;
        HttpResponse<Buffer> forged = browser.post("/api/sample/change");
        HttpResponse<Buffer> logoutWithoutToken = browser.post("/api/logout");

        for (HttpResponse<Buffer> refused : List.of(missing, forged, logoutWithoutToken)) {
            assertThat(refused.statusCode()).isEqualTo(403);
            assertThat(refused.bodyAsJsonObject().getString("error")).isEqualTo("csrf-token-invalid");
        }
        assertThat(server.changes).hasValue(0);
        assertThat(browser.get("/api/me").statusCode()).isEqualTo(200);
    }

    @Test
    @DisplayName("A state-changing request with the session's CSRF token goes through")
    void csrfAccepted() throws Exception {
        browser.login("op1", AuthServer.PASSWORDS.get("op1"));

        assertThat(browser.post("/api/sample/change").statusCode()).isEqualTo(204);
        assertThat(server.changes).hasValue(1);
    }

    @Test
    @DisplayName("Without a session a state-changing route answers 401, not a CSRF error")
    void anonymousChange() throws Exception {
        HttpResponse<Buffer> response = browser.post("/api/sample/change");

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.bodyAsJsonObject().getString("error")).isEqualTo("not-signed-in");
    }

    private List<AuditEntry> entries() {
        return server.audit.records().result().stream().map(AuditRecord::entry).toList();
    }

    private AuditEntry lastEntry() {
        List<AuditEntry> all = entries();
        return all.get(all.size() - 1);
    }
}
