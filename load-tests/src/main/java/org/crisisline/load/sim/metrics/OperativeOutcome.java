package org.crisisline.load.sim.metrics;

import org.crisisline.queue.model.OperativeId;

/**
 * What one operative's shift was like.
 *
 * @param peakLoad               the highest emotional load they reached (the core's tier-weighted
 *                               seconds, decaying with its half-life), read as each of their calls ended
 * @param longestTierOneRun      the most tier-1 calls they took in a row
 * @param recoveryInterruptions  how often a tier-1 caller cut their recovery time short
 */
public record OperativeOutcome(OperativeId operative, boolean clinical, double peakLoad, int longestTierOneRun,
                               int recoveryInterruptions) {
}
