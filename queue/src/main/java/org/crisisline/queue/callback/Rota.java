package org.crisisline.queue.callback;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Who is on shift when: blocks of time with a number of operatives. Callback slot capacity comes
 * from it, so callbacks are booked against staff who will actually be there.
 */
public record Rota(List<Block> blocks) {
    public Rota {
        blocks = List.copyOf(blocks);
    }

    public record Block(Instant start, Instant end, int operatives) {
        public Block {
            Objects.requireNonNull(start, "start");
            Objects.requireNonNull(end, "end");
            if (!end.isAfter(start) || operatives < 0) {
                throw new IllegalArgumentException("a rota block needs start < end and operatives >= 0");
            }
        }
    }

    public static Rota empty() {
        return new Rota(List.of());
    }

    public boolean isEmpty() {
        return blocks.isEmpty();
    }

    /** Operatives on shift at this instant (blocks may overlap and add up). */
    public int operativesAt(Instant at) {
        int total = 0;
        for (Block block : blocks) {
            if (!at.isBefore(block.start()) && at.isBefore(block.end())) {
                total += block.operatives();
            }
        }
        return total;
    }
}
