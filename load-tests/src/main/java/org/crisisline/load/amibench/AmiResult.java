package org.crisisline.load.amibench;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Locale;
import org.HdrHistogram.Histogram;

/**
 * One measured row of {@code ami-bench}.
 *
 * @param eventsPerCall     AMI events in one copy of the call, after the filter
 * @param amiEvents         AMI events the server wrote in the measured blast
 * @param reachedListener   AMI events asterisk-java handed the adapter's listener meanwhile (its own
 *                          counters; DialBegin also arrives as a legacy DialEvent, so this may exceed
 *                          what was written)
 * @param telephonyEvents   TelephonyEvents the consumer took (link changes not counted)
 * @param timedCalls        copies whose CallArrived was timed
 * @param dropped           AMI events asterisk-java dropped, its queue being full
 * @param seconds           first write of the measured blast to the last event the consumer took
 * @param longestWriteMillis the longest one call's bytes waited for the client to read them (Asterisk
 *                          closes a client that makes it wait longer than {@code writetimeout}, 1,000 ms)
 * @param connections       connections the server accepted (1 unless the link reconnected)
 * @param loadAverage       the machine's 1-minute load average when the row ended
 */
record AmiResult(String filter, double offeredCallsPerSecond, int eventsPerCall, long calls, long amiEvents, long bytes,
                 long reachedListener, long telephonyEvents, long timedCalls, long dropped, double seconds,
                 Histogram latency, double longestWriteMillis, long connections, boolean linkUp, double loadAverage) {
    /** The target: AMI events parsed and published per second, unfiltered, on 2 cores. */
    static final double TARGET_EVENTS_PER_SECOND = 20_000;

    AmiResult(String filter, double offeredCallsPerSecond, int eventsPerCall, long calls, long amiEvents, long bytes,
              long reachedListener, long telephonyEvents, long timedCalls, long dropped, double seconds,
              Histogram latency, double longestWriteMillis, long connections, boolean linkUp) {
        this(filter, offeredCallsPerSecond, eventsPerCall, calls, amiEvents, bytes, reachedListener, telephonyEvents,
                timedCalls, dropped, seconds, latency, longestWriteMillis, connections, linkUp,
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    /** AMI events read and handed on per second: written minus dropped, over the window. */
    double amiEventsPerSecond() {
        return (amiEvents - dropped) / seconds;
    }

    double telephonyEventsPerSecond() {
        return telephonyEvents / seconds;
    }

    double callsPerSecond() {
        return calls / seconds;
    }

    double megabytesPerSecond() {
        return bytes / seconds / 1e6;
    }

    double millis(double percentile) {
        return latency.getTotalCount() == 0 ? Double.NaN : latency.getValueAtPercentile(percentile) / 1e6;
    }

    static void print(PrintStream out, List<AmiResult> rows) {
        out.printf(Locale.ROOT, "%-12s %8s %6s %7s %9s %10s %9s %8s %7s %8s %8s %9s %6s %5s%n", "filter",
                "offered", "ev/call", "calls", "calls/s", "AMI ev/s", "TE/s", "MB/s", "dropped", "p50 ms", "p99 ms",
                "max ms", "load", "link");
        for (AmiResult r : rows) {
            out.printf(Locale.ROOT, "%-12s %8s %6d %7d %9.0f %10.0f %9.0f %8.1f %7d %8.2f %8.2f %9.2f %6.2f %5s%n",
                    r.filter(), r.offeredCallsPerSecond() > 0 ? String.format(Locale.ROOT, "%.0f/s",
                            r.offeredCallsPerSecond()) : "max", r.eventsPerCall(), r.calls(), r.callsPerSecond(),
                    r.amiEventsPerSecond(), r.telephonyEventsPerSecond(), r.megabytesPerSecond(), r.dropped(),
                    r.millis(50), r.millis(99), r.millis(100), r.loadAverage(),
                    r.linkUp() && r.connections() == 1 ? "up" : "LOST");
        }
        out.println("AMI ev/s: events written minus dropped, per second, from the first write to the last"
                + " TelephonyEvent taken. TE/s: TelephonyEvents published. dropped: AMI events asterisk-java"
                + " dropped (its 20,000-event queue full). Latency: a copy's bytes written (offered 'max') or due"
                + " (a fixed rate) to its CallArrived at the consumer. load: 1-minute load average at the end.");
        for (AmiResult r : rows) {
            out.printf(Locale.ROOT, "[%s] %d AMI events written, %d reached the adapter's listener, %d TelephonyEvents"
                            + " (%.1f a call), %d calls timed; the longest write waited %.0f ms for the adapter to read"
                            + " (Asterisk's writetimeout: 1000 ms)%n", r.filter(), r.amiEvents(), r.reachedListener(),
                    r.telephonyEvents(), r.calls() == 0 ? 0 : (double) r.telephonyEvents() / r.calls(), r.timedCalls(),
                    r.longestWriteMillis());
        }
    }

    /**
     * The target lines. Unpaced, the rate reached is checked against the target; at a fixed rate, whether
     * the adapter kept up with it (at least 98 % of the offered calls a second, nothing dropped) and how
     * long events waited. Only unfiltered rows count for the verdict: the filter is what a deployment adds.
     */
    static boolean printVerdicts(PrintStream out, List<AmiResult> rows) {
        boolean met = true;
        for (AmiResult r : rows) {
            boolean whole = r.dropped() == 0 && r.linkUp() && r.connections() == 1;
            boolean reached;
            if (r.offeredCallsPerSecond() > 0) {
                reached = whole && r.callsPerSecond() >= 0.98 * r.offeredCallsPerSecond()
                        && r.amiEventsPerSecond() >= TARGET_EVENTS_PER_SECOND;
                boolean keptUp = whole && r.callsPerSecond() >= 0.98 * r.offeredCallsPerSecond();
                out.printf(Locale.ROOT, "Target %s at %.0f calls/s offered (%.0f AMI events/s): %s, p99 %.2f ms%s%n",
                        r.filter(), r.offeredCallsPerSecond(), r.offeredCallsPerSecond() * r.eventsPerCall(),
                        keptUp ? "kept up" : "FELL BEHIND", r.millis(99),
                        r.offeredCallsPerSecond() * r.eventsPerCall() >= TARGET_EVENTS_PER_SECOND
                                ? (keptUp ? " (>= 20,000 events/s: met)" : " (>= 20,000 events/s: NOT met)")
                                : " (below the 20,000 events/s target: not a verdict)");
            } else {
                reached = whole && r.amiEventsPerSecond() >= TARGET_EVENTS_PER_SECOND;
                out.printf(Locale.ROOT, "Target %s: %.0f AMI events/s (>= 20,000: %s), %.0f calls/s, %s%n", r.filter(),
                        r.amiEventsPerSecond(), reached ? "met" : "NOT met", r.callsPerSecond(),
                        whole ? "nothing dropped" : "EVENTS DROPPED OR LINK LOST");
            }
            if (r.filter().equals(AmiBenchOptions.NONE)) {
                met &= reached;
            }
        }
        return met;
    }
}
