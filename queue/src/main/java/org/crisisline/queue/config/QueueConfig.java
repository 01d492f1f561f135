package org.crisisline.queue.config;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import org.crisisline.queue.model.Tier;

/**
 * Everything the queue core can be told: validated once, immutable afterwards. Read it with
 * {@link QueueConfigReader}; the defaults, with a word on each, are in {@code queue-defaults.properties}.
 *
 * @param ordering       how waiting callers are ordered
 * @param policy         how an operative is chosen
 * @param callbacksOffered whether callbacks are offered at all (the baseline offers none)
 * @param loadHalfLife   half-life of the emotional load
 * @param checkInWindow  a check-in is on time within this either side of its due time
 * @param initialHandleTime handle time assumed by the wait estimate before any call has ended
 * @param handleTimeSmoothing weight of the newest call in the running mean handle time (0..1]
 */
public record QueueConfig(
        Map<Tier, TierRule> tiers,
        Ordering ordering,
        Policy policy,
        DispatchProtections protections,
        Duration loadHalfLife,
        boolean callbacksOffered,
        CallbackRules callbacks,
        Duration checkInWindow,
        Duration initialHandleTime,
        double handleTimeSmoothing) {

    /** How waiting callers are ordered. */
    public enum Ordering {
        /** Tier 1 always first; tiers 2, 3 and check-ins by join time plus a bounded aging handicap. */
        TIERED,
        /** First come, first served whatever the tier (Asterisk's app_queue with one priority). */
        FIFO
    }

    /** How an operative is chosen for a caller. */
    public enum Policy {
        /** DOMAIN.md's default: tier 1 first, reserve, clinical preferences, recovery, cap, languages, load. */
        STAFF_LOAD,
        /** The free operative who finished a call longest ago (app_queue's {@code leastrecent}). */
        LONGEST_IDLE
    }

    public QueueConfig {
        Objects.requireNonNull(ordering, "ordering");
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(protections, "protections");
        Objects.requireNonNull(loadHalfLife, "loadHalfLife");
        Objects.requireNonNull(callbacks, "callbacks");
        Objects.requireNonNull(checkInWindow, "checkInWindow");
        Objects.requireNonNull(initialHandleTime, "initialHandleTime");
        EnumMap<Tier, TierRule> copy = new EnumMap<>(Tier.class);
        copy.putAll(tiers);
        for (Tier tier : Tier.values()) {
            if (!copy.containsKey(tier)) {
                throw new IllegalArgumentException("no rule for tier " + tier);
            }
        }
        tiers = Map.copyOf(copy);
        if (loadHalfLife.isZero() || loadHalfLife.isNegative()) {
            throw new IllegalArgumentException("the load half-life must be positive");
        }
        if (!(handleTimeSmoothing > 0 && handleTimeSmoothing <= 1)) {
            throw new IllegalArgumentException("handle-time smoothing is in (0, 1]");
        }
    }

    /** The shipped defaults (DOMAIN.md's numbers). */
    public static QueueConfig defaults() {
        return QueueConfigReader.read(Map.of());
    }

    public TierRule rule(Tier tier) {
        return tiers.get(tier);
    }

    /**
     * How long the tier-1 reserve may hold back a waiting caller of this tier: their answer target less
     * the release margin, or the tier's hold limit if that is sooner, never below zero. Past it, the last
     * free operatives may answer them. A tier-1 caller is never held: {@code ZERO}.
     */
    public Duration reserveHold(Tier tier) {
        if (tier == Tier.IMMEDIATE_RISK) {
            return Duration.ZERO;
        }
        Duration hold = rule(tier).answerTarget().minus(protections.reserveReleaseMargin());
        Duration limit = protections.reserveHoldLimits().get(tier);
        if (limit != null && limit.compareTo(hold) < 0) {
            hold = limit;
        }
        return hold.isNegative() ? Duration.ZERO : hold;
    }

    public QueueConfig withProtections(DispatchProtections newProtections) {
        return new QueueConfig(tiers, ordering, policy, newProtections, loadHalfLife, callbacksOffered, callbacks,
                checkInWindow, initialHandleTime, handleTimeSmoothing);
    }

    public QueueConfig withCallbacksOffered(boolean offered) {
        return new QueueConfig(tiers, ordering, policy, protections, loadHalfLife, offered, callbacks,
                checkInWindow, initialHandleTime, handleTimeSmoothing);
    }

    /**
     * The ordinary contact centre the simulator compares against: one FIFO queue, longest-idle
     * operative, no protections, no callbacks.
     */
    public QueueConfig asLongestIdleBaseline() {
        return new QueueConfig(tiers, Ordering.FIFO, Policy.LONGEST_IDLE, DispatchProtections.none(), loadHalfLife,
                false, callbacks, checkInWindow, initialHandleTime, handleTimeSmoothing);
    }
}
