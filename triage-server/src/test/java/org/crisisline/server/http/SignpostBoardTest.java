package org.crisisline.server.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.Future;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import org.crisisline.queue.config.QueueConfig;
import org.crisisline.server.auth.web.ApiError;
import org.crisisline.server.http.admin.AdminConfig;
import org.crisisline.server.pathway.cafe.Cafe;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class SignpostBoardTest {
    private static final Instant AT = Instant.parse("2026-11-27T19:00:00Z");
    private final Cafe haven = AdminConfig.demo(QueueConfig.defaults(), rota -> Future.succeededFuture(), AT)
            .cafes().get(0);

    @Test
    @DisplayName("Signposts count per café per evening; a full evening refuses the whole recording and counts nothing")
    void allOrNothing() {
        SignpostBoard board = new SignpostBoard();
        board.recordAll(Collections.nCopies(7, haven), AT);
        assertThat(board.countsOn(AT)).containsEntry("leeds-haven", 7);
        assertThatThrownBy(() -> board.recordAll(List.of(haven, haven), AT))
                .isInstanceOf(ApiError.class).hasMessageContaining("full");
        assertThat(board.countsOn(AT)).containsEntry("leeds-haven", 7);
    }

    @Test
    @DisplayName("A recording whose decision was not audited is undone, unless something was counted since")
    void undo() {
        SignpostBoard board = new SignpostBoard();
        SignpostBoard.Recorded first = board.recordAll(List.of(haven), AT);
        board.undo(first);
        assertThat(board.countsOn(AT)).isEmpty();

        SignpostBoard.Recorded second = board.recordAll(List.of(haven), AT);
        board.recordAll(List.of(haven), AT);
        board.undo(second);
        assertThat(board.countsOn(AT)).containsEntry("leeds-haven", 2);
    }
}
