package org.crisisline.server.signpost;

import static java.time.DayOfWeek.FRIDAY;
import static java.time.DayOfWeek.MONDAY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.crisisline.server.pathway.testing.CafeBuilder.aCafe;
import static org.crisisline.server.pathway.testing.Times.london;

import io.vertx.core.Future;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.crisisline.server.auth.web.ApiError;
import org.crisisline.server.pathway.cafe.Cafe;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** What every {@link SignpostBoard} must do; run against each implementation. */
public abstract class SignpostBoardContract {
    /** Friday 19:00 in London: both cafés are open. */
    protected static final Instant FRIDAY_EVENING = london("2026-11-27T19:00");
    protected static final Cafe HAVEN = aCafe("haven").named("Haven").openEveryDay("18:00", "23:00").capacity(8).build();
    protected static final Cafe LATE = aCafe("late").named("Late").open(FRIDAY, "18:00", "02:00").capacity(2).build();
    /** Open on Mondays only, and closed on the next two: nothing to signpost to from that Friday. */
    private static final Cafe SHUT = aCafe("shut").named("Shut").open(MONDAY, "18:00", "22:00")
            .closedOn("2026-11-30").closedOn("2026-12-07").build();

    private SignpostBoard board;

    /** A fresh, empty board. */
    protected abstract SignpostBoard newBoard() throws Exception;

    @BeforeEach
    void fresh() throws Exception {
        board = newBoard();
    }

    @Test
    @DisplayName("signposts count per café per evening; a full evening refuses the whole recording and counts nothing")
    void fullCafeRefused() throws Exception {
        await(board.recordAll(Collections.nCopies(7, HAVEN), FRIDAY_EVENING));
        assertThat(await(board.countsOn(FRIDAY_EVENING))).containsExactly(Map.entry("haven", 7));

        assertThatThrownBy(() -> await(board.recordAll(List.of(HAVEN, HAVEN), FRIDAY_EVENING)))
                .cause().isInstanceOfSatisfying(ApiError.class, error -> {
                    assertThat(error.code()).isEqualTo("cafe-full");
                    assertThat(error.getMessage()).contains("Haven is full for the evening of 2026-11-27");
                });
        assertThat(await(board.countsOn(FRIDAY_EVENING))).containsExactly(Map.entry("haven", 7));
    }

    @Test
    @DisplayName("several cafés are counted all or none: one full café leaves the others uncounted")
    void allOrNothingAcrossCafes() throws Exception {
        await(board.recordAll(List.of(LATE, LATE), FRIDAY_EVENING));

        assertThatThrownBy(() -> await(board.recordAll(List.of(HAVEN, LATE), FRIDAY_EVENING)))
                .cause().isInstanceOfSatisfying(ApiError.class, error -> assertThat(error.code()).isEqualTo("cafe-full"));
        assertThatThrownBy(() -> await(board.recordAll(List.of(HAVEN, SHUT), FRIDAY_EVENING)))
                .cause().isInstanceOfSatisfying(ApiError.class, error -> assertThat(error.code()).isEqualTo("cafe-closed"));

        assertThat(await(board.countsOn(FRIDAY_EVENING))).containsExactly(Map.entry("late", 2));
    }

    @Test
    @DisplayName("undo takes back its own signposts only: later ones by others stand")
    void undo() throws Exception {
        SignpostBoard.Recorded first = await(board.recordAll(List.of(HAVEN, LATE), FRIDAY_EVENING));
        await(board.undo(first));
        assertThat(await(board.countsOn(FRIDAY_EVENING))).isEmpty();

        SignpostBoard.Recorded second = await(board.recordAll(List.of(HAVEN), FRIDAY_EVENING));
        await(board.recordAll(List.of(HAVEN, HAVEN), FRIDAY_EVENING));
        await(board.undo(second));
        assertThat(await(board.countsOn(FRIDAY_EVENING))).containsExactly(Map.entry("haven", 2));
    }

    @Test
    @DisplayName("counts are per evening: after midnight a signpost to the Friday session counts on Friday")
    void countsPerEvening() throws Exception {
        Instant saturdayOneAm = london("2026-11-28T01:00");
        await(board.recordAll(List.of(LATE), saturdayOneAm));
        await(board.recordAll(List.of(HAVEN), london("2026-11-28T19:00")));

        assertThat(await(board.countsOn(FRIDAY_EVENING))).containsExactly(Map.entry("late", 1));
        assertThat(await(board.countsOn(london("2026-11-28T20:00")))).containsExactly(Map.entry("haven", 1));
        assertThat(await(board.tallyFor(List.of(LATE, HAVEN), saturdayOneAm)).count(LATE.id(),
                LocalDate.parse("2026-11-27"))).isEqualTo(1);
        assertThat(await(board.tallyFor(List.of(HAVEN), london("2026-11-28T19:00")))
                .count(HAVEN.id(), LocalDate.parse("2026-11-28"))).isEqualTo(1);
    }

    /** Awaits a future; a failure is thrown as an {@link ExecutionException} whose cause is the failure. */
    protected static <T> T await(Future<T> future) throws Exception {
        return future.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }
}
