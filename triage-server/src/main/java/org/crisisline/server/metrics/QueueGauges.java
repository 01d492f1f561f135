package org.crisisline.server.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;
import org.crisisline.queue.model.OperativeState;
import org.crisisline.queue.model.Tier;
import org.crisisline.queue.store.QueueStore;
import org.crisisline.server.pathway.referral.ReferralWatch;
import org.crisisline.telephony.ami.LinkHealth;
import org.crisisline.telephony.event.LinkState;

/**
 * The gauges of what leads watch, refreshed on a Vert.x timer (every {@code every}) from a queue snapshot,
 * the referral watch and the PBX links' health. A poll never blocks: the snapshot is awaited as a future
 * with a timeout, a poll is skipped while the previous one is still running, and a failed poll keeps the
 * last readings (their age shows in {@value MetricNames#SNAPSHOT_AGE}). Gauges read the last readings from
 * any thread; a PBX's gauges appear with the first poll that sees it. Call {@link #start()} and
 * {@link #stop()} from the owning verticle's context.
 */
public final class QueueGauges {
    private static final int SNAPSHOT_LIMIT = 100_000;

    private final Vertx vertx;
    private final QueueStore store;
    private final Function<Instant, ReferralWatch.Report> referrals;
    private final Supplier<Map<String, LinkHealth>> pbx;
    private final Clock clock;
    private final LoadBands bands;
    private final Duration every;
    private final MeterRegistry registry;
    private final AtomicReference<QueueReadings> readings = new AtomicReference<>();
    private final AtomicReference<ReferralWatch.Report> referralReport = new AtomicReference<>();
    private final Map<String, LinkState> links = new ConcurrentHashMap<>();
    private volatile boolean storeHealthy;
    private volatile Instant refreshedAt;
    private boolean polling;
    private long timer = -1;

    public QueueGauges(Vertx vertx, QueueStore store, Function<Instant, ReferralWatch.Report> referrals,
            Supplier<Map<String, LinkHealth>> pbx, Clock clock, LoadBands bands, Duration every,
            CrisislineMetrics metrics) {
        this.vertx = Objects.requireNonNull(vertx, "vertx");
        this.store = Objects.requireNonNull(store, "store");
        this.referrals = Objects.requireNonNull(referrals, "referrals");
        this.pbx = Objects.requireNonNull(pbx, "pbx");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.bands = Objects.requireNonNull(bands, "bands");
        this.every = Objects.requireNonNull(every, "every");
        this.registry = metrics.registry();
        this.refreshedAt = clock.instant();
        register();
    }

    /** Polls now and then every {@code every}; idempotent. */
    public QueueGauges start() {
        if (timer < 0) {
            poll();
            timer = vertx.setPeriodic(every.toMillis(), id -> poll());
        }
        return this;
    }

    public void stop() {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
            timer = -1;
        }
    }

    /** One refresh; completes when the readings are updated (or the poll was skipped or failed). */
    public Future<Void> poll() {
        if (polling) {
            return Future.succeededFuture();
        }
        polling = true;
        storeHealthy = store.health().healthy();
        pbx.get().forEach((name, health) -> {
            if (links.put(name, health.state()) == null) {
                registerLink(name);
            }
        });
        return Future.fromCompletionStage(store.snapshot(SNAPSHOT_LIMIT), vertx.getOrCreateContext())
                .timeout(Math.max(1, every.toMillis()), TimeUnit.MILLISECONDS)
                .onSuccess(snapshot -> {
                    readings.set(QueueReadings.of(snapshot, bands));
                    referralReport.set(referrals.apply(snapshot.at()));
                    refreshedAt = snapshot.at();
                })
                .<Void>mapEmpty()
                .recover(failure -> Future.succeededFuture())
                .onComplete(done -> polling = false);
    }

    private void register() {
        for (Tier tier : Tier.values()) {
            String tag = CrisislineMetrics.tierTag(tier);
            gauge(MetricNames.WAITING, "tier", tag, r -> r.waiting().get(tier));
            gauge(MetricNames.LONGEST_WAIT, "tier", tag, r -> r.longestWait().get(tier).toMillis() / 1000.0);
            gauge(MetricNames.ESTIMATED_WAIT, "tier", tag, r -> r.estimatedWait().get(tier).toMillis() / 1000.0);
        }
        for (OperativeState state : OperativeState.values()) {
            gauge(MetricNames.OPERATIVES_BY_STATE, "state", state.name().toLowerCase(Locale.ROOT),
                    r -> r.operativesByState().get(state));
        }
        for (String band : LoadBands.NAMES) {
            gauge(MetricNames.OPERATIVES_BY_LOAD, "band", band, r -> r.operativesByLoadBand().get(band));
        }
        Gauge.builder(MetricNames.CALLBACKS_DUE, () -> read(QueueReadings::callbacksDue)).register(registry);
        Gauge.builder(MetricNames.CALLBACKS_OVERDUE, () -> read(QueueReadings::callbacksOverdue)).register(registry);
        Gauge.builder(MetricNames.CHECK_INS_DUE, () -> read(QueueReadings::checkInsDue)).register(registry);
        Gauge.builder(MetricNames.REFERRALS_AWAITING_ACK, () -> referralCount(true)).register(registry);
        Gauge.builder(MetricNames.REFERRALS_OVERDUE, () -> referralCount(false)).register(registry);
        Gauge.builder(MetricNames.STORE_HEALTHY, () -> storeHealthy ? 1 : 0).register(registry);
        Gauge.builder(MetricNames.SNAPSHOT_AGE,
                () -> Duration.between(refreshedAt, clock.instant()).toMillis() / 1000.0).register(registry);
    }

    private void registerLink(String name) {
        for (LinkState state : LinkState.values()) {
            Gauge.builder(MetricNames.AMI_LINK_STATE, () -> links.get(name) == state ? 1 : 0)
                    .tag("pbx", name)
                    .tag("state", state.name())
                    .register(registry);
        }
    }

    private void gauge(String name, String tag, String value, ToDoubleFunction<QueueReadings> reading) {
        Gauge.builder(name, () -> read(reading)).tag(tag, value).register(registry);
    }

    private double read(ToDoubleFunction<QueueReadings> reading) {
        QueueReadings now = readings.get();
        return now == null ? Double.NaN : reading.applyAsDouble(now);
    }

    private double referralCount(boolean awaiting) {
        ReferralWatch.Report report = referralReport.get();
        if (report == null) {
            return Double.NaN;
        }
        return awaiting ? report.awaitingAcknowledgement().size() : report.overdue().size();
    }
}
