package org.crisisline.server.http.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import org.crisisline.queue.config.QueueConfig;
import org.crisisline.queue.model.OperativeId;
import org.crisisline.queue.model.Tier;
import org.crisisline.server.auth.web.ApiError;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class SectionsTest {
    private static final Instant AT = Instant.parse("2026-11-27T19:00:00Z");

    @Test
    @DisplayName("The demo configuration is valid, with the queue's own tier rules")
    void demoIsValid() {
        AdminConfig config = AdminConfig.demo(QueueConfig.defaults(), rota -> io.vertx.core.Future.succeededFuture(), AT);
        assertThat(config.tiers().get(Tier.IMMEDIATE_RISK).answerTarget().toSeconds()).isEqualTo(20);
        assertThat(config.operatives()).containsKey(OperativeId.of("op1"));
        assertThat(config.cafes()).hasSize(1);
    }

    @Test
    @DisplayName("A section is refused with the item and field named: unknown fields, bad districts, repeated ids")
    void refusalsNameTheItem() {
        JsonArray unknownField = new JsonArray().add(new JsonObject().put("id", "op9").put("displayName", "Nine")
                .put("clinical", false).put("shoeSize", 9));
        assertThatThrownBy(() -> new OperativesSection().parse(unknownField))
                .isInstanceOf(ApiError.class).hasMessageContaining("items[0].shoeSize");

        JsonObject op = new JsonObject().put("id", "op9").put("displayName", "Nine").put("clinical", false);
        assertThatThrownBy(() -> new OperativesSection().parse(new JsonArray().add(op).add(op.copy())))
                .isInstanceOf(ApiError.class).hasMessageContaining("items[1]").hasMessageContaining("twice");

        JsonArray badLanguage = new JsonArray().add(op.copy().put("languages", new JsonArray().add("Polish!")));
        assertThatThrownBy(() -> new OperativesSection().parse(badLanguage))
                .isInstanceOf(ApiError.class).hasMessageContaining("items[0].languages");
    }

    @Test
    @DisplayName("A stale version cannot replace a section; a current one does, and the version goes up by one")
    void versions() {
        ConfigRepository<?> lines = AdminConfig.demo(QueueConfig.defaults(),
                rota -> io.vertx.core.Future.succeededFuture(), AT).repositories().get(0);
        replaceLines(lines, 1);
        assertThat(lines.current().version()).isEqualTo(2);
        assertThatThrownBy(() -> replaceLines(lines, 1)).isInstanceOf(ApiError.class)
                .hasMessageContaining("changed since version 1");
    }

    @SuppressWarnings("unchecked")
    private static <T> void replaceLines(ConfigRepository<T> repository, long version) {
        JsonArray items = repository.current().items();
        repository.replace(version, items, repository.section().parse(items), AT, "admin");
    }
}
