package org.crisisline.server.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.security.SecureRandom;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.crisisline.queue.model.OperativeId;
import org.crisisline.server.auth.testing.Tiny;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
class DemoAccountsTest {

    @Test
    @DisplayName("The demo accounts get random strong passwords that verify, and the expected roles")
    void demoAccounts(Vertx vertx) throws Exception {
        InMemoryAccountStore store = new InMemoryAccountStore();
        PasswordHasher hasher = Tiny.hasher();
        DemoAccounts demo = new DemoAccounts(store, new PasswordWorker(vertx, hasher), new SecureRandom());

        Map<String, String> passwords = demo.create().toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
        List<Account> accounts = store.all().result();

        assertThat(passwords.keySet()).containsExactly("op1", "op2", "op3", "lead", "admin");
        assertThat(Set.copyOf(passwords.values())).hasSize(5);
        passwords.forEach((user, password) -> {
            assertThat(new PasswordPolicy().check(user, password).isAllowed()).isTrue();
            Account account = store.find(user).result().orElseThrow();
            assertThat(hasher.verify(password, account.passwordHash())).isTrue();
            assertThat(account.passwordHash()).doesNotContain(password);
        });
        assertThat(accounts).extracting(Account::username, Account::roles, Account::operativeId).containsExactly(
                tuple("admin", Set.of(Role.ADMIN), Optional.empty()),
                tuple("lead", Set.of(Role.CLINICAL_LEAD), Optional.of(OperativeId.of("lead"))),
                tuple("op1", Set.of(Role.OPERATIVE), Optional.of(OperativeId.of("op1"))),
                tuple("op2", Set.of(Role.OPERATIVE), Optional.of(OperativeId.of("op2"))),
                tuple("op3", Set.of(Role.OPERATIVE), Optional.of(OperativeId.of("op3"))));
    }

    @Test
    @DisplayName("Two starts give different passwords")
    void differentEachStart(Vertx vertx) {
        DemoAccounts demo = new DemoAccounts(new InMemoryAccountStore(), new PasswordWorker(vertx, Tiny.hasher()),
                new SecureRandom());

        assertThat(demo.newPassword()).isNotEqualTo(demo.newPassword()).hasSize(20);
    }
}
