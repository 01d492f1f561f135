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
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.crisisline.queue.config.QueueConfig;
import org.crisisline.queue.event.QueueEvent;
import org.crisisline.queue.model.Tier;
import org.crisisline.server.history.RepeatContact;
import org.crisisline.server.pathway.PathwayEvent;
import org.crisisline.server.pathway.referral.ReferralEvent;
import org.crisisline.server.pathway.referral.ReferralStatus;
import org.crisisline.server.pathway.referral.RejectionReason;

/**
 * The counters of what happened to calls, for Prometheus: answered (within the tier's answer target or
 * not), abandoned, how long callers waited ({@link CallerWaits}), recovery interruptions and alerts to
 * leads; and, for what leads watch over time, repeat callers ({@link #contactRecorded}) and what CMHTs
 * answered to referrals ({@link #recordReferralEvents}). The routing (and the API, for the commands it sends)
 * hands every command's events to {@link #recordEvents}; a command's events reach only the node that sent
 * it, so nothing is counted twice across nodes. Owns the Prometheus registry that {@link QueueGauges} adds
 * its gauges to and {@link #scrape} exposes.
 *
 * <p>Thread-safe (Micrometer meters are); nothing here blocks. Tags never carry a caller.
 */
public final class CrisislineMetrics {
    private final PrometheusMeterRegistry registry;
    private final QueueConfig config;
    private final Map<Tier, AtomicLong> answered = new EnumMap<>(Tier.class);
    private final Map<Tier, AtomicLong> answeredInTarget = new EnumMap<>(Tier.class);
    private final CallerWaits waits;

    private CrisislineMetrics(PrometheusMeterRegistry registry, QueueConfig config) {
        this.registry = registry;
        this.config = config;
        this.waits = new CallerWaits(registry);
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
        for (RepeatContact contact : RepeatContact.values()) {
            contactCounter(contact);
        }
        referralCounter(ReferralStatus.ACKNOWLEDGED, Optional.empty());
        referralCounter(ReferralStatus.ACCEPTED, Optional.empty());
        for (RejectionReason reason : RejectionReason.values()) {
            referralCounter(ReferralStatus.REJECTED, Optional.of(reason));
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
                waits.record(CallerWaits.ANSWERED, connected.tier(), connected.group(), connected.waited());
            } else if (event instanceof QueueEvent.CallerAbandoned abandoned) {
                abandonedCounter(abandoned.tier()).increment();
                waits.record(CallerWaits.ABANDONED, abandoned.tier(), abandoned.group(), abandoned.waited());
            } else if (event instanceof QueueEvent.RecoveryInterrupted) {
                registry.counter(MetricNames.RECOVERY_INTERRUPTIONS).increment();
            } else if (event instanceof QueueEvent.ClinicalLeadAlerted alerted) {
                alertCounter(alerted.reason()).increment();
            }
        }
    }

    /** A call's outcome was added to its caller's contact history for the first time. */
    public void contactRecorded(RepeatContact contact) {
        contactCounter(contact).increment();
    }

    /** Counts the CMHTs' answers among the events of one saved referral change (each change is saved once). */
    public void recordReferralEvents(List<PathwayEvent> events) {
        for (PathwayEvent event : events) {
            if (event instanceof ReferralEvent.ReferralAcknowledged) {
                referralCounter(ReferralStatus.ACKNOWLEDGED, Optional.empty()).increment();
            } else if (event instanceof ReferralEvent.ReferralAccepted) {
                referralCounter(ReferralStatus.ACCEPTED, Optional.empty()).increment();
            } else if (event instanceof ReferralEvent.ReferralRejectedByTeam rejected) {
                referralCounter(ReferralStatus.REJECTED, Optional.of(rejected.rejection().reason())).increment();
            }
        }
    }

    private void callAnswered(Tier tier, Duration waited) {
        boolean inTarget = waited.compareTo(config.rule(tier).answerTarget()) <= 0;
        answered.get(tier).incrementAndGet();
        if (inTarget) {
            answeredInTarget.get(tier).incrementAndGet();
        }
        answeredCounter(tier, inTarget).increment();
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

    private Counter contactCounter(RepeatContact contact) {
        return Counter.builder(MetricNames.CONTACTS).tag("caller", tagOf(contact)).register(registry);
    }

    private Counter referralCounter(ReferralStatus status, Optional<RejectionReason> reason) {
        return Counter.builder(MetricNames.REFERRAL_OUTCOMES)
                .tag("status", tagOf(status))
                .tag("reason", reason.map(CrisislineMetrics::tagOf).orElse("none"))
                .register(registry);
    }

    /** A tag value for an enum constant: {@code WITHIN_7_DAYS} → {@code within-7-days}. */
    static String tagOf(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    private Counter alertCounter(QueueEvent.AlertReason reason) {
        return Counter.builder(MetricNames.LEAD_ALERTS).tag("reason", reason.name().toLowerCase(Locale.ROOT))
                .register(registry);
    }
}
