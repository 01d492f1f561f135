package org.crisisline.server.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.crisisline.server.audit.AuditEntry;
import org.crisisline.server.audit.AuditLog;
import org.crisisline.server.audit.AuditLogException;
import org.crisisline.server.audit.AuditRecord;
import org.crisisline.server.audit.ChainCheck;
import org.crisisline.server.audit.InMemoryAuditLog;
import org.crisisline.server.audit.Outcome;
import org.crisisline.queue.testing.MutableClock;
import org.crisisline.server.auth.testing.Tiny;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
class LoginServiceTest {
    private static final String PASSWORD = "kettle orbit mustard";
    private final MutableClock clock = MutableClock.at("2026-11-29T08:00:00Z");
    private final InMemoryAccountStore accounts = new InMemoryAccountStore();
    private final InMemoryAuditLog audit = new InMemoryAuditLog();
    private final LoginThrottle throttle = new LoginThrottle(ThrottleSettings.defaults(), clock);
    private Vertx vertx;

    @BeforeEach
    void setUp(Vertx vertx) {
        this.vertx = vertx;
    }

    @Test
    @DisplayName("A password hashed with older settings is re-hashed with the current ones at sign-in")
    void rehashAtSignIn() throws Exception {
        String old = new PasswordHasher(new Argon2Settings(32, 1, 1), new SecureRandom()).hash(PASSWORD);
        accounts.save(account(old));

        LoginOutcome outcome = await(service(audit).login("op1", PASSWORD, "10.0.0.1"));

        assertThat(outcome).isInstanceOf(LoginOutcome.SignedIn.class);
        String now = accounts.find("op1").result().orElseThrow().passwordHash();
        assertThat(now).isNotEqualTo(old).startsWith("$argon2id$v=19$m=64,t=1,p=1$");
        assertThat(Tiny.hasher().verify(PASSWORD, now)).isTrue();
    }

    @Test
    @DisplayName("The username is compared in lower case, as usernames are stored")
    void usernameInAnyCase() throws Exception {
        accounts.save(account(Tiny.hasher().hash(PASSWORD)));

        assertThat(await(service(audit).login("OP1", PASSWORD, "10.0.0.1"))).isInstanceOf(LoginOutcome.SignedIn.class);
    }

    @Test
    @DisplayName("A hash with the current settings is left alone")
    void noNeedlessRehash() throws Exception {
        String current = Tiny.hasher().hash(PASSWORD);
        accounts.save(account(current));

        await(service(audit).login("op1", PASSWORD, "10.0.0.1"));

        assertThat(accounts.find("op1").result().orElseThrow().passwordHash()).isEqualTo(current);
    }

    @Test
    @DisplayName("A lockout is audited when it starts and for every refused attempt, naming the target")
    void lockoutAudited() throws Exception {
        accounts.save(account(Tiny.hasher().hash(PASSWORD)));
        LoginService service = service(audit);
        for (int i = 0; i < 5; i++) {
            await(service.login("op1", "wrong guess " + i, "10.0.0.1"));
        }

        LoginOutcome locked = await(service.login("op1", PASSWORD, "10.0.0.1"));

        assertThat(locked).isEqualTo(new LoginOutcome.Locked(Duration.ofMinutes(1)));
        List<AuditEntry> entries = audit.records().result().stream().map(AuditRecord::entry).toList();
        assertThat(entries).extracting(AuditEntry::action).containsExactly(
                "auth.login", "auth.login", "auth.login", "auth.login", "auth.login", "auth.lockout", "auth.login");
        assertThat(entries.get(6).outcome()).isEqualTo(Outcome.DENIED);
        assertThat(entries).allSatisfy(e -> assertThat(e.targetId()).isEqualTo("op1"));
    }

    @Test
    @DisplayName("Something typed in the username box that is not a username is not written to the audit log")
    void oddUsernameNotAudited() throws Exception {
        await(service(audit).login("my secret passphrase!", "whatever", "10.0.0.1"));

        assertThat(audit.lines()).singleElement().asString().doesNotContain("passphrase").contains("(not a username)");
    }

    @Test
    @DisplayName("When the audit log cannot record a sign-in, the sign-in fails")
    void unauditedSignInFails() {
        accounts.save(account(Tiny.hasher().hash(PASSWORD)));
        AuditLog broken = new AuditLog() {
            @Override
            public Future<AuditRecord> record(AuditEntry entry) {
                return Future.failedFuture(new AuditLogException("disk full"));
            }

            @Override
            public Future<List<AuditRecord>> records() {
                return Future.succeededFuture(List.of());
            }

            @Override
            public Future<ChainCheck> verify() {
                return Future.succeededFuture(new ChainCheck.Intact(0, ""));
            }
        };

        assertThatThrownBy(() -> await(service(broken).login("op1", PASSWORD, "10.0.0.1")))
                .hasRootCauseInstanceOf(AuditLogException.class);
    }

    private LoginService service(AuditLog log) {
        return new LoginService(accounts, new PasswordWorker(vertx, Tiny.hasher()), throttle, log, clock);
    }

    private static Account account(String hash) {
        return new Account("op1", "Operative One", Set.of(Role.OPERATIVE), Optional.empty(), hash, false);
    }

    private static <T> T await(Future<T> future) throws InterruptedException, ExecutionException,
            java.util.concurrent.TimeoutException {
        return future.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }
}
