package org.crisisline.queue.config;

import java.time.Duration;
import java.util.Objects;

/**
 * Callbacks and their slots.
 *
 * @param maxAttempts       agent-first attempts before the caller counts as unreachable
 * @param retrySpacing      time between attempts
 * @param virtualHoldGrace  a virtual-hold callback is on time if first tried within the wait quoted plus this
 * @param slotLength        length of a callback time window
 * @param slotsOffered      how many of the next windows with room are offered on the keypad
 * @param slotLeadTime      the earliest window offered starts at least this far ahead
 * @param handleTime        time one callback takes an operative, to turn rota hours into slot capacity
 * @param liveReserveShare  share of rota capacity kept for live calls (0..1)
 */
public record CallbackRules(int maxAttempts, Duration retrySpacing, Duration virtualHoldGrace, Duration slotLength,
                            int slotsOffered, Duration slotLeadTime, Duration handleTime, double liveReserveShare) {
    public CallbackRules {
        Objects.requireNonNull(retrySpacing, "retrySpacing");
        Objects.requireNonNull(virtualHoldGrace, "virtualHoldGrace");
        Objects.requireNonNull(slotLength, "slotLength");
        Objects.requireNonNull(slotLeadTime, "slotLeadTime");
        Objects.requireNonNull(handleTime, "handleTime");
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("callbacks need at least one attempt");
        }
        if (liveReserveShare < 0 || liveReserveShare > 1) {
            throw new IllegalArgumentException("the live reserve share is between 0 and 1");
        }
        if (slotLength.isZero() || slotLength.isNegative() || handleTime.isZero() || handleTime.isNegative()) {
            throw new IllegalArgumentException("slot length and handle time must be positive");
        }
    }
}
