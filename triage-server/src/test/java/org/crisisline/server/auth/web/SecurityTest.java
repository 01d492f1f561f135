package org.crisisline.server.auth.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.crisisline.server.audit.FileAuditLog;
import org.crisisline.server.auth.InMemoryAccountStore;
import org.crisisline.server.auth.Role;
import org.crisisline.server.auth.config.SecuritySettings;
import org.crisisline.server.auth.config.SecuritySettingsReader;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(VertxExtension.class)
class SecurityTest {
    @TempDir
    Path dir;

    @Test
    @DisplayName("Wired from settings as the server will: demo accounts sign in, reach their routes, and the file audit log verifies")
    void endToEnd(Vertx vertx) throws Exception {
        SecuritySettings settings = SecuritySettingsReader.read(Map.of(
                "auth.argon2.memory-kib", "64", "auth.argon2.iterations", "1"));
        FileAuditLog audit = AuthServer.await(FileAuditLog.open(vertx, dir.resolve("audit.jsonl")));
        InMemoryAccountStore accounts = new InMemoryAccountStore();
        Router router = Router.router(vertx);
        Security security = Security.create(vertx, settings, accounts, audit, Clock.systemUTC()).mount(router);
        router.get("/api/lead-only").handler(Authorize.roles(Role.CLINICAL_LEAD)).handler(rc -> rc.end("ok"));
        Map<String, String> passwords = AuthServer.await(security.demoAccounts(accounts).create());
        int port = AuthServer.await(vertx.createHttpServer().requestHandler(router).listen(0)).actualPort();
        Browser lead = new Browser(vertx, port);
        Browser operative = new Browser(vertx, port);

        assertThat(lead.login("lead", passwords.get("lead")).statusCode()).isEqualTo(200);
        assertThat(operative.login("op2", passwords.get("op2")).statusCode()).isEqualTo(200);
        assertThat(lead.get("/api/lead-only").statusCode()).isEqualTo(200);
        assertThat(operative.get("/api/lead-only").statusCode()).isEqualTo(403);
        assertThat(operative.post("/api/logout").statusCode()).isEqualTo(204);

        assertThat(AuthServer.await(audit.verify()).isIntact()).isTrue();
        assertThat(AuthServer.await(audit.records())).extracting(r -> r.entry().action() + " " + r.entry().actor())
                .containsExactly("auth.login lead", "auth.login op2", "auth.logout op2");
        security.close();
        AuthServer.await(audit.close());
    }
}
