package org.crisisline.server.metrics;

/**
 * Every metric Crisisline publishes, as Micrometer names (Prometheus turns dots into underscores and adds
 * {@code _total} to counters). The Grafana dashboard queries these; a test checks it asks for nothing else.
 */
public final class MetricNames {
    /** Gauge, tag {@code tier}: callers waiting now. */
    public static final String WAITING = "crisisline.callers.waiting";
    /** Gauge, tag {@code tier}: the longest wait now, in seconds. */
    public static final String LONGEST_WAIT = "crisisline.longest.wait.seconds";
    /** Gauge, tag {@code tier}: the estimated wait for a caller joining now, in seconds. */
    public static final String ESTIMATED_WAIT = "crisisline.estimated.wait.seconds";
    /** Counter, tags {@code tier}, {@code within_target}: calls answered. */
    public static final String ANSWERED = "crisisline.calls.answered";
    /** Gauge, tag {@code tier}: share of answered calls answered within target since start, 0 to 1. */
    public static final String ANSWERED_WITHIN_TARGET = "crisisline.answered.within.target.ratio";
    /** Counter, tag {@code tier}: callers who hung up waiting. */
    public static final String ABANDONED = "crisisline.calls.abandoned";
    /**
     * Timer with histogram buckets (seconds), tags {@code tier}, {@code outcome} (answered, abandoned): how long
     * callers waited; leads' median and 90th-percentile waits over time.
     */
    public static final String CALLER_WAIT = "crisisline.caller.wait";
    /**
     * Timer, tags {@code outcome}, {@code dimension} (line, source, language), {@code group}: callers answered
     * or lost and their total wait per group, for the gaps between groups of callers.
     */
    public static final String CALLER_WAIT_BY_GROUP = "crisisline.caller.wait.by.group";
    /**
     * Counter, tag {@code caller} (first, within-7-days, within-30-days, earlier): calls recorded in callers'
     * contact history, by how recently the same caller was last in touch (repeat callers).
     */
    public static final String CONTACTS = "crisisline.contacts";
    /**
     * Counter, tags {@code status} (acknowledged, accepted, rejected), {@code reason} (the rejection's reason
     * code, or none): what CMHTs answered to referrals.
     */
    public static final String REFERRAL_OUTCOMES = "crisisline.referral.outcomes";
    /** Gauge: callbacks whose place has come (waiting to be made). */
    public static final String CALLBACKS_DUE = "crisisline.callbacks.due";
    /** Gauge: callbacks due and past their on-time deadline. */
    public static final String CALLBACKS_OVERDUE = "crisisline.callbacks.overdue";
    /** Gauge: check-in calls in the queue. */
    public static final String CHECK_INS_DUE = "crisisline.checkins.due";
    /** Gauge, tag {@code state}: operatives in each state. */
    public static final String OPERATIVES_BY_STATE = "crisisline.operatives";
    /** Gauge, tag {@code band} (low, medium, high): logged-on operatives by emotional load. */
    public static final String OPERATIVES_BY_LOAD = "crisisline.operatives.load.band";
    /** Counter: recovery times cut short by a tier-1 caller. */
    public static final String RECOVERY_INTERRUPTIONS = "crisisline.recovery.interruptions";
    /** Counter, tag {@code reason}: alerts raised to clinical leads. */
    public static final String LEAD_ALERTS = "crisisline.lead.alerts";
    /** Gauge: CMHT referrals delivered and awaiting acknowledgement. */
    public static final String REFERRALS_AWAITING_ACK = "crisisline.referrals.awaiting.acknowledgement";
    /** Gauge: CMHT referrals undecided past their respond-by deadline. */
    public static final String REFERRALS_OVERDUE = "crisisline.referrals.overdue";
    /** Gauge, tags {@code pbx}, {@code state} (UP, DEGRADED, DOWN): 1 for the link's current state, else 0. */
    public static final String AMI_LINK_STATE = "crisisline.ami.link.state";
    /** Gauge: 1 when the queue store is healthy. */
    public static final String STORE_HEALTHY = "crisisline.queue.store.healthy";
    /** Gauge: seconds since the gauges were last refreshed from the queue. */
    public static final String SNAPSHOT_AGE = "crisisline.queue.snapshot.age.seconds";

    private MetricNames() {
    }
}
