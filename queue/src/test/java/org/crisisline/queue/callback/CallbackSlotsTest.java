package org.crisisline.queue.callback;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.crisisline.queue.config.QueueConfig;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The callback slot grid and its capacity")
class CallbackSlotsTest {
    private static final Instant NOW = Instant.parse("2026-11-22T18:07:00Z");
    private final CallbackSlots slots = new CallbackSlots(QueueConfig.defaults().callbacks());

    private static Rota rota(Instant from, Duration length, int operatives) {
        return new Rota(List.of(new Rota.Block(from, from.plus(length), operatives)));
    }

    @Test
    @DisplayName("capacity = operatives on the rota x slot / handle time x (1 - live share), rounded down")
    void capacityFromTheRota() {
        Rota rota = new Rota(List.of(
                new Rota.Block(NOW.minus(Duration.ofHours(1)), NOW.plus(Duration.ofHours(2)), 10),
                new Rota.Block(NOW.plus(Duration.ofHours(1)), NOW.plus(Duration.ofHours(2)), 10)));

        assertThat(slots.capacity(NOW, rota, 99)).isEqualTo(2);
        assertThat(slots.capacity(NOW.plus(Duration.ofMinutes(90)), rota, 99)).isEqualTo(4);
        assertThat(slots.capacity(NOW.plus(Duration.ofHours(3)), rota, 99)).isZero();
    }

    @Test
    @DisplayName("with no rota, the operatives staffed now stand in for it")
    void noRotaUsesStaffedNow() {
        assertThat(slots.capacity(NOW, Rota.empty(), 20)).isEqualTo(4);
    }

    @Test
    @DisplayName("slots are on a 15-minute grid, the first at least 15 minutes ahead, skipping full ones")
    void offeredSlotsAreOnTheGridAndHaveRoom() {
        Rota rota = rota(NOW, Duration.ofDays(1), 8);
        Instant first = Instant.parse("2026-11-22T18:30:00Z");
        slots.book(first);

        assertThat(slots.offer(NOW, rota, 0)).extracting(CallbackSlot::start).containsExactly(
                Instant.parse("2026-11-22T18:45:00Z"), Instant.parse("2026-11-22T19:00:00Z"),
                Instant.parse("2026-11-22T19:15:00Z"));
        assertThat(slots.isBookable(first, NOW, rota, 0)).isFalse();
        assertThat(slots.isBookable(Instant.parse("2026-11-22T18:45:00Z"), NOW, rota, 0)).isTrue();
        assertThat(slots.isBookable(Instant.parse("2026-11-22T18:50:00Z"), NOW, rota, 0)).isFalse();
        assertThat(slots.isBookable(Instant.parse("2026-11-22T18:15:00Z"), NOW, rota, 0)).isFalse();
    }

    @Test
    @DisplayName("nothing is offered when the rota has nobody for the next day")
    void nothingWithoutStaff() {
        assertThat(slots.offer(NOW, rota(NOW.plus(Duration.ofDays(2)), Duration.ofHours(8), 10), 0)).isEmpty();
    }
}
