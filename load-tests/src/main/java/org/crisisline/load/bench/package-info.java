/**
 * JMH benchmarks of the queue core: how long a dispatch decision, an enqueue and a re-tier take with
 * 10,000 callers waiting and 2,000 operatives logged on, on one thread, against a hand-advanced clock.
 *
 * <ul>
 *   <li>{@link org.crisisline.load.bench.PolicyDecisionBench}: the policy's decision alone, per scenario.</li>
 *   <li>{@link org.crisisline.load.bench.CoreDispatchBench}: a command that frees one operative, with the
 *       dispatch it triggers, in a core kept at 10k/2k by {@link org.crisisline.load.bench.Floor}.</li>
 *   <li>{@link org.crisisline.load.bench.CoreEnqueueBench}, {@link org.crisisline.load.bench.CoreRetierBench}:
 *       a caller joining, a caller moved between tiers.</li>
 *   <li>{@link org.crisisline.load.bench.AmiFrameReaderBench}: the telephony adapter's AMI framing parser,
 *       bytes to messages of a captured call, in sessions a second ({@code Mode.Throughput}).</li>
 * </ul>
 * The core's benchmarks report percentiles ({@code Mode.SampleTime}, microseconds). Run them all (about four
 * minutes on two cores):
 * <pre>
 *   mvn -q -pl load-tests -am package -DskipTests
 *   java -jar load-tests/target/crisisline-load-tests.jar bench org.crisisline.load.bench -rf json -rff bench.json
 * </pre>
 * JMH options after {@code bench} work as usual: {@code -p floor=STAFF_LOAD}, {@code -prof gc}, {@code -lp}.
 */
package org.crisisline.load.bench;
