/**
 * {@code redis-bench}: a closed-loop load driver for the Redis queue store with 10,000 callers waiting
 * and 2,000 operatives busy, on one node and on two nodes sharing one line group. It measures each
 * command from {@code execute()} to its outcome in an HdrHistogram and prints, per node and in total,
 * the latency percentiles and throughput of enqueueing and of assigning.
 */
package org.crisisline.load.redisbench;
