/**
 * Operational metrics in Micrometer, exposed for Prometheus at {@code GET /metrics}:
 * {@link org.crisisline.server.metrics.CrisislineMetrics} owns the registry and the counters the routing and
 * the API increment (from queue events); {@link org.crisisline.server.metrics.QueueGauges} polls the queue
 * snapshot, the referral watch and the PBX links on a timer and serves the gauges from the last poll.
 * Every metric name is listed in {@link org.crisisline.server.metrics.MetricNames}. Tags are tiers, states,
 * bands, alert reasons and PBX names, never a caller's number or pseudonym.
 */
package org.crisisline.server.metrics;
