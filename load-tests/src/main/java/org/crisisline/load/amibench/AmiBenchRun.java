package org.crisisline.load.amibench;

import io.vertx.core.Vertx;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;
import org.crisisline.telephony.sim.ManagerEventFilter;
import org.crisisline.telephony.ami.AmiLinks;
import org.crisisline.telephony.ami.AmiOptions;
import org.crisisline.telephony.ami.LinkHealth;
import org.crisisline.telephony.event.CallArrived;
import org.crisisline.telephony.event.LinkState;
import org.crisisline.telephony.event.PbxLinkChanged;
import org.crisisline.telephony.event.TelephonyEvent;

/**
 * One {@code ami-bench} row: a fresh blasting server with one filter, a fresh Vert.x with the real
 * {@link AmiLinks} logged in to it, a warm-up blast, then the measured blast, each followed by a
 * drain (until no {@code TelephonyEvent} has come for half a second).
 *
 * <p>Throughput counts over the window from the measured blast's first write to the last event the
 * consumer took, so the backlog left in the socket and in asterisk-java's queue when the server stops
 * writing is counted as work done, not hidden. Latency: each copy's {@code CallArrived}, from the
 * time its bytes were written (unpaced) or were due (at a fixed rate) to the consumer, in an
 * HdrHistogram. The consumer is one event-bus handler on one event loop.
 */
final class AmiBenchRun {
    static final String PBX = "bench";
    private static final Duration QUIET = Duration.ofMillis(500);
    private static final Duration MAX_DRAIN = Duration.ofSeconds(60);

    private final RecordedAmi recorded;
    private final ManagerEventFilter filter;
    private final String filterName;
    private final double callsPerSecond;

    AmiBenchRun(RecordedAmi recorded, ManagerEventFilter filter, String filterName, double callsPerSecond) {
        this.recorded = recorded;
        this.filter = filter;
        this.filterName = filterName;
        this.callsPerSecond = callsPerSecond;
    }

    /** The link's options against the bench server: the captures' contexts and operative channels. */
    static AmiOptions linkOptions(int port) {
        return AmiOptions.fromJson(new JsonObject()
                .put("pbx", PBX).put("host", "127.0.0.1").put("port", port)
                .put("username", "triage").put("secret", "triage-local-secret")
                .put("lines", new JsonObject().put("crisis-line", "crisis"))
                .put("operative-channel-pattern", "^Local/(op\\d+)@operatives-.*"));
    }

    AmiResult run(Duration warmup, Duration measure) throws Exception {
        Vertx vertx = Vertx.vertx();
        try (BlastingAmiServer server = BlastingAmiServer.start(recorded, filter);
             QueueFullCounter drops = QueueFullCounter.attach()) {
            CallTemplate template = server.template();
            Probe probe = new Probe();
            MessageConsumer<TelephonyEvent> consumer = vertx.eventBus()
                    .consumer(TelephonyEvent.ADDRESS, message -> probe.accept(message.body()));
            consumer.completion().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
            AmiLinks links = AmiLinks.create(vertx, List.of(linkOptions(server.port())), Clock.systemUTC());
            links.start();
            server.resynced().get(15, TimeUnit.SECONDS);
            probe.awaitUp(Duration.ofSeconds(15));

            BlastingAmiServer.CallListener stamps = (call, stamp) ->
                    probe.sent.put(template.arrivalUniqueid(call), stamp);
            long next = 0;
            if (!warmup.isZero()) {
                next = server.blast(new BlastingAmiServer.Plan(0, System.nanoTime() + warmup.toNanos(),
                        callsPerSecond, stamps)).get(warmup.plus(MAX_DRAIN).toMillis(), TimeUnit.MILLISECONDS);
                drain(probe);
            }
            probe.reset();
            long dropsBefore = drops.dropped();
            long eventsBefore = server.eventsWritten();
            long bytesBefore = server.bytesWritten();
            long reachedBefore = reached(links);
            server.resetLongestWrite();
            long start = System.nanoTime();
            long end = server.blast(new BlastingAmiServer.Plan(next, start + measure.toNanos(), callsPerSecond,
                    stamps)).get(measure.plus(MAX_DRAIN).toMillis(), TimeUnit.MILLISECONDS);
            drain(probe);
            double seconds = (probe.last - start) / 1e9;
            long calls = end - next;
            Histogram latency = probe.latency.getIntervalHistogram();
            LinkHealth health = links.health().get(PBX);
            AmiResult result = new AmiResult(filterName, callsPerSecond, template.eventCount(), calls,
                    server.eventsWritten() - eventsBefore, server.bytesWritten() - bytesBefore,
                    reached(links) - reachedBefore, probe.events.sum(), probe.arrivals.sum(),
                    drops.dropped() - dropsBefore, seconds, latency, server.longestWriteNanos() / 1e6,
                    server.connections(), health.state() == LinkState.UP);
            links.stop().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
            return result;
        } finally {
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        }
    }

    /** AMI events asterisk-java handed the adapter's listener so far (refreshed with each published event). */
    private static long reached(AmiLinks links) {
        LinkHealth health = links.health().get(PBX);
        return health.translatedEvents() + health.ignoredEvents();
    }

    private static void drain(Probe probe) throws InterruptedException {
        long deadline = System.nanoTime() + MAX_DRAIN.toNanos();
        long seen = -1;
        long quietSince = System.nanoTime();
        while (System.nanoTime() < deadline) {
            long now = probe.events.sum();
            if (now != seen) {
                seen = now;
                quietSince = System.nanoTime();
            } else if (System.nanoTime() - quietSince >= QUIET.toNanos()) {
                return;
            }
            Thread.sleep(20);
        }
        throw new IllegalStateException("the adapter was still publishing " + MAX_DRAIN.toSeconds()
                + " s after the server stopped writing");
    }

    /** The event-bus consumer's counts; {@link #accept} runs on one event loop, the rest on the driver. */
    private static final class Probe {
        final Map<String, Long> sent = new ConcurrentHashMap<>();
        final LongAdder events = new LongAdder();
        final LongAdder arrivals = new LongAdder();
        final Recorder latency = new Recorder(3);
        volatile long last;
        private volatile boolean up;

        void accept(TelephonyEvent event) {
            long now = System.nanoTime();
            if (event instanceof PbxLinkChanged changed) {
                up = changed.state() == LinkState.UP;
                synchronized (this) {
                    notifyAll();
                }
                return;
            }
            events.increment();
            last = now;
            if (event instanceof CallArrived arrived) {
                Long stamp = sent.remove(arrived.uniqueid());
                if (stamp != null) {
                    arrivals.increment();
                    latency.recordValue(Math.max(0, now - stamp));
                }
            }
        }

        void reset() {
            events.reset();
            arrivals.reset();
            latency.reset();
        }

        synchronized void awaitUp(Duration timeout) throws InterruptedException {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (!up) {
                long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                if (left <= 0) {
                    throw new IllegalStateException("the AMI link did not come up within " + timeout.toSeconds() + " s");
                }
                wait(left);
            }
        }
    }
}
