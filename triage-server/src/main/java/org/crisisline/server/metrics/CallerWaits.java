package org.crisisline.server.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.crisisline.queue.model.CallSource;
import org.crisisline.queue.model.CallerGroup;
import org.crisisline.queue.model.Language;
import org.crisisline.queue.model.Line;
import org.crisisline.queue.model.Tier;

/**
 * How long callers waited, for what leads watch over time (DOMAIN.md): the median and 90th-percentile
 * wait per tier (a histogram whose buckets include every tier's answer target), split by whether the
 * caller was answered or hung up first; and, for the gaps between groups of callers, the count and
 * total wait per line, source and language (each on its own, so the series stay few).
 *
 * <p>Thread-safe; every series is registered up front, so a dashboard finds them before the first call.
 */
final class CallerWaits {
    static final String ANSWERED = "answered";
    static final String ABANDONED = "abandoned";
    private static final Duration[] BUCKETS = {
            Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(20), Duration.ofSeconds(30),
            Duration.ofMinutes(1), Duration.ofMinutes(2), Duration.ofMinutes(3), Duration.ofMinutes(5),
            Duration.ofMinutes(10), Duration.ofMinutes(15), Duration.ofMinutes(20), Duration.ofMinutes(30),
            Duration.ofHours(1), Duration.ofHours(2)};
    /** Languages leads single out (DOMAIN.md: Welsh, BSL relay); every other one is "other". */
    private static final Map<String, String> NAMED_LANGUAGES = Map.of("en", "english", "cy", "welsh", "bsl", "bsl");
    private static final List<String> LANGUAGE_GROUPS = List.of("english", "welsh", "bsl", "other");

    private final MeterRegistry registry;

    CallerWaits(MeterRegistry registry) {
        this.registry = registry;
        for (String outcome : List.of(ANSWERED, ABANDONED)) {
            for (Tier tier : Tier.values()) {
                byTier(tier, outcome);
            }
            for (Line line : Line.values()) {
                byGroup(outcome, "line", tag(line));
            }
            for (CallSource source : CallSource.values()) {
                byGroup(outcome, "source", tag(source));
            }
            LANGUAGE_GROUPS.forEach(language -> byGroup(outcome, "language", language));
        }
    }

    /** A caller waited {@code waited} and was then answered ({@link #ANSWERED}) or hung up ({@link #ABANDONED}). */
    void record(String outcome, Tier tier, CallerGroup group, Duration waited) {
        byTier(tier, outcome).record(waited);
        byGroup(outcome, "line", tag(group.line())).record(waited);
        byGroup(outcome, "source", tag(group.source())).record(waited);
        byGroup(outcome, "language", languageGroup(group.language())).record(waited);
    }

    static String languageGroup(Language language) {
        return NAMED_LANGUAGES.getOrDefault(language.code(), "other");
    }

    private Timer byTier(Tier tier, String outcome) {
        return Timer.builder(MetricNames.CALLER_WAIT)
                .description("How long callers waited before being answered or hanging up, per tier")
                .tag("tier", CrisislineMetrics.tierTag(tier))
                .tag("outcome", outcome)
                .serviceLevelObjectives(BUCKETS)
                .register(registry);
    }

    private Timer byGroup(String outcome, String dimension, String group) {
        return Timer.builder(MetricNames.CALLER_WAIT_BY_GROUP)
                .description("Callers answered or lost, and their total wait, per line, source or language")
                .tag("outcome", outcome)
                .tag("dimension", dimension)
                .tag("group", group)
                .register(registry);
    }

    private static String tag(Enum<?> value) {
        return CrisislineMetrics.tagOf(value);
    }
}
