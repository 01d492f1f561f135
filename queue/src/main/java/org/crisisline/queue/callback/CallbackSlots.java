package org.crisisline.queue.callback;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.crisisline.queue.config.CallbackRules;

/**
 * The callback slot grid. Slots are aligned to multiples of the slot length since the epoch (so
 * every node computes the same grid). A slot's capacity comes from the rota, minus the share kept for
 * live calls:
 * <pre>capacity = floor(operatives on shift at the slot's start * slotLength / handleTime * (1 - liveReserveShare))</pre>
 * With no rota, the operatives staffed now stand in for it.
 *
 * <p>Not thread-safe: owned by one queue core.
 */
public final class CallbackSlots {
    /** How far ahead to look for slots with room: one day of windows at most. */
    private static final Duration HORIZON = Duration.ofDays(1);

    private final CallbackRules rules;
    private final Map<Instant, Integer> booked = new HashMap<>();

    public CallbackSlots(CallbackRules rules) {
        this.rules = rules;
    }

    public int capacity(Instant slotStart, Rota rota, int staffedNow) {
        int staff = rota.isEmpty() ? staffedNow : rota.operativesAt(slotStart);
        double perOperative = (double) rules.slotLength().toMillis() / rules.handleTime().toMillis();
        return (int) Math.floor(staff * perOperative * (1 - rules.liveReserveShare()));
    }

    /** The next windows with room, starting at least the lead time from now. */
    public List<CallbackSlot> offer(Instant now, Rota rota, int staffedNow) {
        List<CallbackSlot> slots = new ArrayList<>(rules.slotsOffered());
        Instant start = firstOfferable(now);
        Instant horizon = now.plus(HORIZON);
        while (slots.size() < rules.slotsOffered() && start.isBefore(horizon)) {
            CallbackSlot slot = slotAt(start, rota, staffedNow);
            if (slot.spare() > 0) {
                slots.add(slot);
            }
            start = start.plus(rules.slotLength());
        }
        return slots;
    }

    /** Whether a caller may book this window now: on the grid, far enough ahead, with room. */
    public boolean isBookable(Instant slotStart, Instant now, Rota rota, int staffedNow) {
        boolean onGrid = slotStart.toEpochMilli() % rules.slotLength().toMillis() == 0;
        boolean inRange = !slotStart.isBefore(firstOfferable(now)) && slotStart.isBefore(now.plus(HORIZON));
        return onGrid && inRange && slotAt(slotStart, rota, staffedNow).spare() > 0;
    }

    public CallbackSlot slotAt(Instant start, Rota rota, int staffedNow) {
        return new CallbackSlot(start, start.plus(rules.slotLength()), capacity(start, rota, staffedNow),
                booked.getOrDefault(start, 0));
    }

    public void book(Instant slotStart) {
        booked.merge(slotStart, 1, Integer::sum);
        // Past slots matter no more: keep the map to the horizon's size.
        booked.keySet().removeIf(start -> start.plus(HORIZON).isBefore(slotStart));
    }

    /** Bookings per slot start, for a core image. */
    public Map<Instant, Integer> bookings() {
        return Map.copyOf(booked);
    }

    /** Restores bookings from a core image. */
    public void restoreBookings(Map<Instant, Integer> bookings) {
        booked.clear();
        booked.putAll(bookings);
    }

    private Instant firstOfferable(Instant now) {
        long length = rules.slotLength().toMillis();
        long earliest = now.plus(rules.slotLeadTime()).toEpochMilli();
        long aligned = Math.floorDiv(earliest + length - 1, length) * length;
        return Instant.ofEpochMilli(aligned);
    }
}
