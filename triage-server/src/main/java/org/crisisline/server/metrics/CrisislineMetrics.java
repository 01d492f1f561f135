package org.crisisline.server.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import org.crisisline.queue.config.QueueConfig;
import org.crisisline.queue.event.QueueEvent;
import org.crisisline.queue.model.Tier;

/**
 * The counters of what happened to calls, for Prometheus: answered (within the tier's answer target or
 * not), abandoned, recovery interruptions and alerts to leads. The routing (and the API, for the commands
 * it sends) hands every command's events to {@link #recordEvents}; {@link #callAnswered} and
 * {@link #callAbandoned} are there for adapters that learn of these otherwise. Owns the Prometheus
 * registry that {@link QueueGauges} adds its gauges to and {@link #scrape} exposes.
 *
 * <p>Thread-safe (Micrometer meters are); nothing here blocks. Tags never carry a caller.
 */
public final class CrisislineMetrics {
    private final PrometheusMeterRegistry registry;
    private final QueueConfig config;
    private final Map<Tier, AtomicLong> answered = new EnumMap<>(Tier.class);
    private final Map<Tier, AtomicLong> answeredInTarget = new EnumMap<>(Tier.class);

    private CrisislineMetrics(PrometheusMeterRegistry registry, QueueConfig config) {
        this.registry = registry;
        this.config = config;
        for (Tier tier : Tier.values()) {
            answered.put(tier, new AtomicLong());
            answeredInTarget.put(tier, new AtomicLong());
            answeredCounter(tier, true);
            answeredCounter(tier, false);
            abandonedCounter(tier);
            Gauge.builder(MetricNames.ANSWERED_WITHIN_TARGET, () -> ratio(tier))
                    .tag("tier", tierTag(tier))
                    .description("Share of answered calls answered within the tier's target since start")
                    .register(registry);
        }
        Counter.builder(MetricNames.RECOVERY_INTERRUPTIONS).register(registry);
        for (QueueEvent.AlertReason reason : QueueEvent.AlertReason.values()) {
            alertCounter(reason);
        }
    }

    /** A fresh Prometheus registry; the answer targets come from {@code config}. */
    public static CrisislineMetrics create(QueueConfig config) {
        return new CrisislineMetrics(new PrometheusMeterRegistry(PrometheusConfig.DEFAULT),
                Objects.requireNonNull(config, "config"));
    }

    public MeterRegistry registry() {
        return registry;
    }

    /** The Prometheus text exposition of every meter. */
    public String scrape() {
        return registry.scrape();
    }

    /** Counts what the events of one command say happened. */
    public void recordEvents(List<QueueEvent> events) {
        for (QueueEvent event : events) {
            if (event instanceof QueueEvent.CallConnected connected) {
                callAnswered(connected.tier(), connected.waited());
            } else if (event instanceof QueueEvent.CallerAbandoned abandoned) {
                callAbandoned(abandoned.tier());
            } else if (event instanceof QueueEvent.RecoveryInterrupted) {
                registry.counter(MetricNames.RECOVERY_INTERRUPTIONS).increment();
            } else if (event instanceof QueueEvent.ClinicalLeadAlerted alerted) {
                alertCounter(alerted.reason()).increment();
            }
        }
    }

    public void callAnswered(Tier tier, Duration waited) {
        boolean inTarget = waited.compareTo(config.rule(tier).answerTarget()) <= 0;
        answered.get(tier).incrementAndGet();
        if (inTarget) {
            answeredInTarget.get(tier).incrementAndGet();
        }
        answeredCounter(tier, inTarget).increment();
    }

    public void callAbandoned(Tier tier) {
        abandonedCounter(tier).increment();
    }

    /** The tag value for a tier: "1", "2", "3" or "4" (check-ins). */
    public static String tierTag(Tier tier) {
        return Integer.toString(tier.number());
    }

    private double ratio(Tier tier) {
        long all = answered.get(tier).get();
        return all == 0 ? Double.NaN : (double) answeredInTarget.get(tier).get() / all;
    }

    private Counter answeredCounter(Tier tier, boolean inTarget) {
        return Counter.builder(MetricNames.ANSWERED)
                .tag("tier", tierTag(tier))
                .tag("within_target", Boolean.toString(inTarget))
                .register(registry);
    }

    private Counter abandonedCounter(Tier tier) {
        return Counter.builder(MetricNames.ABANDONED).tag("tier", tierTag(tier)).register(registry);
    }

    private Counter alertCounter(QueueEvent.AlertReason reason) {
        return Counter.builder(MetricNames.LEAD_ALERTS).tag("reason", reason.name().toLowerCase(Locale.ROOT))
                .register(registry);
    }
}
