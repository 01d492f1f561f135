package org.crisisline.queue.policy;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * An operative's emotional load: a decaying sum of handled time weighted by tier,
 * {@code load(t) = sum_i weight_i * seconds_i * 2^(-(t - end_i) / halfLife)}, in weighted seconds.
 *
 * <p>All operatives decay at the same rate, so their order by load never changes as time passes.
 * The model exploits that: it stores a <em>score</em>, the load scaled to a fixed epoch
 * ({@code score = load(t) * 2^((t - epoch) / halfLife)}), and operatives can be kept sorted by score
 * without a clock. {@link #valueAt} turns a score back into a load. Scores grow by a factor of two per
 * half-life after the epoch, so the owner moves the epoch forward ({@link #rebasedTo}) well before
 * doubles run out (see {@link #needsRebase}).
 */
public final class EmotionalLoadModel {
    /** 2^60 is far from overflow yet keeps the precision of the loads that matter. */
    private static final double REBASE_AFTER_HALF_LIVES = 60;

    private final Duration halfLife;
    private final Instant epoch;
    private final double halfLifeSeconds;

    public EmotionalLoadModel(Duration halfLife, Instant epoch) {
        this.halfLife = Objects.requireNonNull(halfLife, "halfLife");
        this.epoch = Objects.requireNonNull(epoch, "epoch");
        this.halfLifeSeconds = halfLife.toMillis() / 1000.0;
    }

    public Instant epoch() {
        return epoch;
    }

    /** The score after adding a handled call that ended at {@code endedAt}. */
    public double add(double score, double weight, Duration handled, Instant endedAt) {
        double weightedSeconds = weight * handled.toMillis() / 1000.0;
        return score + weightedSeconds * growth(endedAt);
    }

    /** The load, in weighted seconds, that a score stands for at {@code now}. */
    public double valueAt(double score, Instant now) {
        return score / growth(now);
    }

    public boolean needsRebase(Instant now) {
        return secondsSinceEpoch(now) / halfLifeSeconds > REBASE_AFTER_HALF_LIVES;
    }

    /** The same model with its epoch moved to {@code newEpoch}; {@link #rebase} converts scores to it. */
    public EmotionalLoadModel rebasedTo(Instant newEpoch) {
        return new EmotionalLoadModel(halfLife, newEpoch);
    }

    /** A score of this model expressed for a model with a later epoch. */
    public double rebase(double score, EmotionalLoadModel newer) {
        return score / growth(newer.epoch);
    }

    private double growth(Instant at) {
        return Math.pow(2.0, secondsSinceEpoch(at) / halfLifeSeconds);
    }

    private double secondsSinceEpoch(Instant at) {
        return Duration.between(epoch, at).toMillis() / 1000.0;
    }
}
