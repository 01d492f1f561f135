package org.crisisline.load.sim.day;

import java.util.random.RandomGenerator;

/**
 * A distribution of durations in seconds, as a day file names it: {@code lognormal} with the
 * distribution's own mean and the sigma of its logarithm, or {@code exponential} with its mean.
 * Immutable; sampling draws from the generator it is given and nothing else.
 */
public sealed interface Distribution {

    /** One draw, in seconds; never negative. */
    double sample(RandomGenerator random);

    /** The mean of the distribution, in seconds. */
    double mean();

    /**
     * A lognormal distribution given by its mean (not the mean of its logarithm): the log-mean is
     * {@code ln(mean) - sigma^2 / 2}, so that the samples average {@code mean}.
     */
    record Lognormal(double mean, double sigma) implements Distribution {
        @Override
        public double sample(RandomGenerator random) {
            double mu = Math.log(mean) - sigma * sigma / 2;
            return Math.exp(mu + sigma * random.nextGaussian());
        }
    }

    /** An exponential distribution (memoryless), as used for caller patience. */
    record Exponential(double mean) implements Distribution {
        @Override
        public double sample(RandomGenerator random) {
            return mean * random.nextExponential();
        }
    }
}
