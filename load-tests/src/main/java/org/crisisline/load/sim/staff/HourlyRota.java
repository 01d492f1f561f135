package org.crisisline.load.sim.staff;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.crisisline.load.sim.day.DaySpec;
import org.crisisline.queue.callback.Rota;

/**
 * Operatives on shift in each hour of the day (24 entries, from 00:00). Past midnight the day's rota
 * repeats, which is who answers while the last callers of the day drain. Immutable.
 */
public record HourlyRota(List<Integer> operativesPerHour) {
    public HourlyRota {
        operativesPerHour = List.copyOf(operativesPerHour);
        if (operativesPerHour.size() != DaySpec.HOURS) {
            throw new IllegalArgumentException("a rota has " + DaySpec.HOURS + " hours");
        }
    }

    /** Every hour's count times {@code factor}, rounded to the nearest operative. */
    public HourlyRota scaled(double factor) {
        List<Integer> scaled = new ArrayList<>(DaySpec.HOURS);
        for (int count : operativesPerHour) {
            scaled.add((int) Math.round(count * factor));
        }
        return new HourlyRota(scaled);
    }

    /** The day's staffed hours: what the rota costs. */
    public int staffHours() {
        return operativesPerHour.stream().mapToInt(Integer::intValue).sum();
    }

    /** Operatives on shift in the given hour since midnight; hours past the day repeat the rota. */
    public int operativesAt(int hour) {
        return operativesPerHour.get(Math.floorMod(hour, DaySpec.HOURS));
    }

    public int peak() {
        return operativesPerHour.stream().mapToInt(Integer::intValue).max().orElse(0);
    }

    /** The same rota as the core's one-hour blocks, for {@code hours} hours from {@code midnight}. */
    public Rota asCoreRota(Instant midnight, int hours) {
        List<Rota.Block> blocks = new ArrayList<>(hours);
        for (int hour = 0; hour < hours; hour++) {
            Instant start = midnight.plus(Duration.ofHours(hour));
            blocks.add(new Rota.Block(start, start.plus(Duration.ofHours(1)), operativesAt(hour)));
        }
        return new Rota(blocks);
    }
}
