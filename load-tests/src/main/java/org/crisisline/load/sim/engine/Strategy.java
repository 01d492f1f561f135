package org.crisisline.load.sim.engine;

import java.util.Objects;
import org.crisisline.queue.config.QueueConfig;

/** A dispatcher to simulate: a name a clinical lead can read and the core configuration behind it. */
public record Strategy(String name, QueueConfig config) {
    public Strategy {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(config, "config");
    }

    /** Crisisline's dispatcher with every protection on (the shipped defaults). */
    public static Strategy crisisline() {
        return crisisline(QueueConfig.defaults());
    }

    /** Crisisline's dispatcher configured as {@code config} (the shipped defaults with some settings changed). */
    public static Strategy crisisline(QueueConfig config) {
        return new Strategy("Crisisline", config);
    }

    /** An ordinary contact centre: one FIFO queue, longest-idle operative, no callbacks (app_queue leastrecent). */
    public static Strategy longestIdleBaseline() {
        return longestIdleBaseline(QueueConfig.defaults());
    }

    /** The baseline with the tier settings of {@code config}; its dispatch settings do not apply. */
    public static Strategy longestIdleBaseline(QueueConfig config) {
        return new Strategy("Longest idle", config.asLongestIdleBaseline());
    }
}
