package org.crisisline.server.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.security.SecureRandom;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.crisisline.server.audit.AuditEntry;
import org.crisisline.server.audit.AuditRecord;
import org.crisisline.server.audit.InMemoryAuditLog;
import org.crisisline.server.audit.Outcome;
import org.crisisline.queue.testing.MutableClock;
import org.crisisline.server.auth.testing.Tiny;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
class PasswordChangesTest {
    private static final String OLD = "kettle orbit mustard";
    private static final String NEW = "lantern pebble violin";
    private final MutableClock clock = MutableClock.at("2026-11-29T08:00:00Z");
    private final InMemoryAccountStore accounts = new InMemoryAccountStore();
    private final InMemoryAuditLog audit = new InMemoryAuditLog();
    private final SessionRegistry sessions = new SessionRegistry(SessionSettings.defaults(), clock, new SecureRandom());
    private final PasswordHasher hasher = Tiny.hasher();
    private PasswordChanges changes;
    private Session op1;
    private Session admin;

    @BeforeEach
    void setUp(Vertx vertx) {
        changes = new PasswordChanges(accounts, new PasswordWorker(vertx, hasher), new PasswordPolicy(), sessions,
                audit, clock);
        op1 = sessions.start(save("op1", Role.OPERATIVE));
        admin = sessions.start(save("admin", Role.ADMIN));
        save("op2", Role.OPERATIVE);
    }

    @Test
    @DisplayName("The holder changes their password with the current one; every session of theirs ends")
    void holderChanges() throws Exception {
        Verdict verdict = await(changes.change(op1, "op1", OLD, NEW));

        assertThat(verdict).isEqualTo(Verdict.ALLOWED);
        assertThat(hasher.verify(NEW, hash("op1"))).isTrue();
        assertThat(sessions.resume(op1.id())).isEmpty();
        assertThat(sessions.resume(admin.id())).isPresent();
        assertThat(lastEntry()).extracting(AuditEntry::actor, AuditEntry::targetId, AuditEntry::outcome)
                .containsExactly("op1", "op1", Outcome.SUCCEEDED);
    }

    @Test
    @DisplayName("A wrong current password changes nothing and is audited as denied")
    void wrongCurrent() throws Exception {
        String before = hash("op1");

        Verdict verdict = await(changes.change(op1, "op1", "not my password", NEW));

        assertThat(verdict).isEqualTo(Verdict.refused("The current password is wrong."));
        assertThat(hash("op1")).isEqualTo(before);
        assertThat(sessions.resume(op1.id())).isPresent();
        assertThat(lastEntry().outcome()).isEqualTo(Outcome.DENIED);
    }

    @Test
    @DisplayName("An operative cannot change a colleague's password; an admin can, without knowing it")
    void onlyAdminsChangeOthers() throws Exception {
        String before = hash("op2");

        assertThat(await(changes.change(op1, "op2", OLD, NEW)).isAllowed()).isFalse();
        assertThat(hash("op2")).isEqualTo(before);

        assertThat(await(changes.change(admin, "op2", null, NEW))).isEqualTo(Verdict.ALLOWED);
        assertThat(hasher.verify(NEW, hash("op2"))).isTrue();
    }

    @Test
    @DisplayName("A new password the policy refuses changes nothing, and the reason is given")
    void policyApplies() throws Exception {
        String before = hash("op1");

        Verdict verdict = await(changes.change(op1, "op1", OLD, "op1-kettle-orbit"));

        assertThat(verdict).isEqualTo(Verdict.refused("A password must not contain the username."));
        assertThat(hash("op1")).isEqualTo(before);
        assertThat(lastEntry().reason()).contains("A password must not contain the username.");
    }

    private Account save(String username, Role role) {
        Account account = new Account(username, username, Set.of(role), Optional.empty(), hasher.hash(OLD), false);
        accounts.save(account);
        return account;
    }

    private String hash(String username) {
        return accounts.find(username).result().orElseThrow().passwordHash();
    }

    private AuditEntry lastEntry() {
        var records = audit.records().result();
        return records.get(records.size() - 1).entry();
    }

    private static <T> T await(Future<T> future) throws Exception {
        return future.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }
}
