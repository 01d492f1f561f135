package org.crisisline.load.bench;

import java.util.concurrent.TimeUnit;
import org.crisisline.queue.event.Outcome;
import org.crisisline.queue.model.Actor;
import org.crisisline.queue.model.CallId;
import org.crisisline.queue.model.Tier;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A waiting caller is moved to another tier ({@code QueueCore.retier}) in a line of 10,000, 2,000
 * operatives logged on and nobody free: the whole command, including the dispatch that follows it.
 *
 * <p>Moves come in pairs so the tier mix of the line does not drift: a random caller goes from tier a to
 * tier b (45% 2 to 3, 45% 3 to 2, 10% 2 to 1), then another random caller goes from b back to a.
 *
 * <p>Unmeasured, before each command: the clock moves 500 ms and due deadlines fire, and the state is put
 * back to 10,000 waiting ({@link Floor}).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Threads(1)
public class CoreRetierBench {
    private static final String REASON = "triage updated";

    @Param
    public FloorScenario floor;

    private Floor world;
    private CallId moving;
    private Tier to;
    private Tier reverseFrom;
    private Tier reverseTo;
    private Outcome last;

    @Setup(Level.Trial)
    public void build() {
        world = new Floor(floor, 17L);
        System.out.printf("%n[core] built %s%n", world.describe());
    }

    @Setup(Level.Invocation)
    public void prepare() {
        world.absorbMeasured(last);
        last = null;
        world.advance();
        Tier from;
        if (reverseFrom != null && world.waitingIn(reverseFrom) > 0) {
            from = reverseFrom;
            to = reverseTo;
            reverseFrom = null;
        } else {
            double r = world.random.nextDouble();
            from = r < 0.55 ? Tier.CRISIS : Tier.SUPPORT;
            to = r < 0.45 ? Tier.SUPPORT : r < 0.55 ? Tier.IMMEDIATE_RISK : Tier.CRISIS;
            reverseFrom = to;
            reverseTo = from;
        }
        moving = world.randomWaitingIn(from);
    }

    @TearDown(Level.Iteration)
    public void report() {
        System.out.printf("%n[core] %s%n", world.describe());
    }

    @Benchmark
    public Outcome retier() {
        last = world.core.retier(moving, to, Actor.SYSTEM, REASON);
        return last;
    }
}
